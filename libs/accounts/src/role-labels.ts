import type { Role } from '@app/persistence';

/** The roles as users read them: on pages and in refusals. */
export const ROLE_LABELS: Record<Role, string> = {
  secretariat: 'Geschäftsstelle',
  delegate: 'Delegation',
  observer: 'Lesezugriff',
};
