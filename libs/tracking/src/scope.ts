import { ForbiddenException } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';

/** The member whose objects a user is limited to; undefined = everything (secretariat, observer). */
export function memberScope(user: AuthUser): number | undefined {
  if (user.role !== 'delegate') return undefined;
  // A delegate without a member sees nothing: -1 matches no row.
  return user.memberId ?? -1;
}

export function refuse(what: string): never {
  throw new ForbiddenException(`${what} gehört zu einem anderen Mitglied.`);
}
