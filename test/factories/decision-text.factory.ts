import { IngestService } from '@app/ingest';
import type { ApiFixture } from '../support/api-app';

/** Session dates of the seeded calendar that the factories decide at. */
const SESSION_DATES: Record<number, string> = {
  40: '29.03.2023',
  44: '19.06.2024',
};

let serial = 0;

export interface DecisionText {
  /** The decision's number, e.g. "2024/703": its own, never the sample's. */
  id: string;
  file: string;
  text: string;
}

/**
 * A decision page of the council (as published on its web site) with a number of its own, taken
 * at `session` (40 or 44), its points numbered as given. Each call gives a new number, so a test
 * that stores one changes no other test's data.
 */
export function decisionText(
  points: string[],
  options: { session?: keyof typeof SESSION_DATES; title?: string } = {},
): DecisionText {
  const session = options.session ?? 44;
  const year = SESSION_DATES[session].slice(-4);
  const id = `${year}/${700 + ++serial}`;
  const text = [
    `IT-Planungsrat | ${SESSION_DATES[session]} | ${session}. Sitzung | Beschluss ${id}`,
    options.title ?? `Testbeschluss ${serial}`,
    ...points.map((point, i) => `${i + 1}. ${point}`),
    '',
  ].join('\n');
  return { id, file: `beschluss-${id.replace('/', '-')}.txt`, text };
}

/** Stores a decision text as an ingest would (one transaction), answering its number. */
export async function storeDecision(api: ApiFixture, decision: DecisionText): Promise<string> {
  await api.app.get(IngestService).ingestText(decision.text, decision.file);
  return decision.id;
}
