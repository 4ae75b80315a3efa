import type { ExtractedResolution } from '@app/extraction';

/** A decision of a numbered session, its points on lines 10, 11, ... (for the link finder). */
export function decisionAt(
  id: string,
  session: number,
  points: string[],
  title?: string,
): ExtractedResolution {
  return {
    id,
    meeting: { kind: 'session', number: session },
    title,
    points: points.map((text, i) => ({ number: i + 1, text, line: 10 + i })),
    notes: [],
    line: 9,
  };
}
