import type { UncertainReason } from './extraction.types';

/**
 * Why a reading should be checked, as the import review and the mandate page say it: one home for
 * these sentences, so every page words a doubt the same way.
 */
export const UNCERTAIN_REASONS: Record<UncertainReason, string> = {
  'no-owner': 'Der Text nennt niemanden, der den Auftrag erledigen soll.',
  'owner-inferred':
    'Die Zuständigen sind aus dem Zusammenhang erschlossen, nicht ausdrücklich genannt.',
  'owner-unknown': 'Eine zuständige Stelle steht noch nicht im Verzeichnis.',
  'deadline-unclear': 'Die Fristangabe wurde nicht vollständig verstanden.',
  'deadline-borrowed': 'Die Frist stammt aus einem anderen Satz derselben Ziffer.',
  'deadline-undated':
    'Die Frist hängt an einem Termin, dessen Datum der Text nicht nennt (etwa der nächsten Sitzung); ohne eingetragenes Datum wird der Auftrag nie überfällig.',
  'request-unclear':
    'Der Satz hält vielleicht nur eine Einigung, eine Absicht oder einen Appell fest, keinen Auftrag.',
  'cut-off': 'Der Text bricht an dieser Stelle ab.',
  'motion-only':
    'Der Text ist ein Antrag („möge beschließen“); dass er so beschlossen wurde, steht nicht darin.',
  'not-decided':
    'Der Beschluss wurde vertagt, verwiesen, abgelehnt oder einem anderen Gremium nur empfohlen; ob dieser Auftrag gilt, ist zu prüfen.',
  'shape-unknown':
    'Der Aufbau des Textes ist unbekannt; Beschlussgrenzen und Zuständige können falsch sein.',
};

/** The German sentences for a mandate's doubts, in the order given; unknown codes as they are. */
export function describeUncertain(reasons: readonly string[]): string[] {
  return reasons.map((r) => UNCERTAIN_REASONS[r as UncertainReason] ?? r);
}

/** What the review says about a point that asks someone but yielded no mandate. */
export const POSSIBLE_MISS_REASON =
  'Diese Ziffer enthält eine Bitte oder einen Auftrag, aber es wurde kein Auftrag erkannt.';

/** What the review says about a request in a text whose result line says it was not adopted. */
export const NOT_ADOPTED_MISS_REASON =
  'Laut Ergebnis wurde dieser Text abgelehnt, vertagt, verwiesen oder einem anderen Gremium nur empfohlen; der Auftrag darin wurde deshalb nicht übernommen.';
