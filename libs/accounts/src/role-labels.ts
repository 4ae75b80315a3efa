import type { Role } from '@app/persistence';

/** The roles as users read them: on pages and in refusals. */
export const ROLE_LABELS: Record<Role, string> = {
  secretariat: 'Geschäftsstelle',
  delegate: 'Delegation',
  observer: 'Lesezugriff',
};

/** Where an account stands: disabled, in use, or invited and not yet signed in. */
export function accountStateLabel(user: { active: boolean; lastLoginAt: string | null }): string {
  if (!user.active) return 'gesperrt';
  return user.lastLoginAt ? 'aktiv' : 'eingeladen, noch nicht angemeldet';
}
