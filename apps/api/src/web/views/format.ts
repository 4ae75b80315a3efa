// German wording of the pages' recurring values, so every page says the same thing.

export { ROLE_LABELS } from '@app/accounts';
export { germanDate, germanDateTime, plural, statusLabel } from '@app/domain';

/** "HB – Bremen", or just "Bund" where the code is the name. */
export function memberLabel(member: { code: string; name: string }): string {
  return member.name === member.code ? member.code : `${member.code} – ${member.name}`;
}
