/** What the audit trail records events of. */
export const AUDIT_ENTITIES = [
  'api_token',
  'import',
  'job',
  'link',
  'mandate',
  'meeting',
  'member',
  'obligation',
  'route',
  'user',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** The entities in German, for the audit page. */
export const AUDIT_ENTITY_LABELS: Record<AuditEntity, string> = {
  api_token: 'Token',
  import: 'Import',
  job: 'Hintergrundaufgabe',
  link: 'Rückmeldung',
  mandate: 'Auftrag',
  meeting: 'Sitzung',
  member: 'Mitglied',
  obligation: 'Pflicht',
  route: 'Adresse',
  user: 'Konto',
};

/** Every action the trail records, in German; the audit page offers these as its filter. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'access.denied': 'Zugriff verweigert',
  'auth.login_failed': 'Anmeldung fehlgeschlagen',
  'import.commit': 'Import übernommen',
  'import.discard': 'Import verworfen',
  'job.run': 'Hintergrundaufgabe gestartet',
  'job.retry': 'Hintergrundaufgabe wiederholt',
  'link.confirm': 'Rückmeldung bestätigt',
  'link.reject': 'Rückmeldung verworfen',
  'mandate.correct': 'Auftrag korrigiert',
  'meeting.create': 'Sitzung angelegt',
  'meeting.update': 'Sitzung geändert',
  'obligation.comment': 'Pflicht kommentiert',
  'obligation.status': 'Stand einer Pflicht geändert',
  'registry.add': 'Beteiligten ins Verzeichnis aufgenommen',
  'token.create': 'Token erstellt',
  'token.revoke': 'Token widerrufen',
  'user.create': 'Konto angelegt',
  'user.update': 'Konto geändert',
  'user.password': 'Passwort geändert',
  'user.invite': 'Einladung verschickt',
  'user.invite_failed': 'Einladung nicht zustellbar, Konto entfernt',
  'user.invitation_accepted': 'Einladung angenommen',
  'user.reset_requested': 'Neues Passwort angefordert',
  'user.password_reset': 'Passwort über Link neu festgelegt',
};

/** An action in German; one recorded by a newer version than this list reads as its entity's change. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const entity = action.split('.')[0] as AuditEntity;
  return `Änderung: ${AUDIT_ENTITY_LABELS[entity] ?? 'Sonstiges'}`;
}
