import type { ExtractedResolution } from '../extraction.types';
import { splitSentences } from '../text/sentences';
import type { LinkContext } from './link.types';

/** How decisions follow one another: by number (YYYY/NN), else by date. */
export function decisionOrder(id: string, decidedOn?: string): number {
  const numbered = /^(20\d{2}|19\d{2})\/(\d{1,3})$/.exec(id);
  if (numbered) return Number(numbered[1]) * 1000 + Number(numbered[2]);
  const date = decidedOn ?? /^(\d{4}-\d{2}-\d{2})/.exec(id)?.[1];
  if (date) {
    const [y, m, d] = date.split('-').map(Number);
    // A date sorts inside its year like a decision number would (about 80 per year).
    return y * 1000 + Math.round(((m - 1) * 31 + d) / 5);
  }
  return Number.POSITIVE_INFINITY;
}

export interface SentenceAt {
  resolution: ExtractedResolution;
  point: number | null;
  line: number;
  text: string;
}

export function sentencesOf(resolution: ExtractedResolution): SentenceAt[] {
  const out: SentenceAt[] = [];
  if (resolution.title)
    out.push({ resolution, point: null, line: resolution.line, text: resolution.title });
  for (const point of resolution.points) {
    for (const sentence of splitSentences(point.text.replace(/\s+/g, ' ')))
      out.push({ resolution, point: point.number, line: point.line, text: sentence.text });
  }
  return out;
}

/**
 * The lines of the input around a decision that are neither its title nor its points: a web
 * page's "Bezug", a table's "Quelle" column. A number there is the agenda item's origin.
 */
export function headerSentences(
  resolution: ExtractedResolution,
  next: number | undefined,
  lines: string[] | undefined,
): SentenceAt[] {
  if (!lines) return [];
  const firstPoint = resolution.points[0]?.line ?? resolution.line;
  const out: SentenceAt[] = [];
  const last = Math.min(lines.length, next !== undefined ? next - 1 : firstPoint, firstPoint);
  for (let n = resolution.line; n <= last; n++) {
    let text = lines[n - 1] ?? '';
    // A point that starts on this line is read as a point.
    const pointAt = resolution.points.find((p) => p.line === n);
    if (pointAt) {
      const at = text.indexOf(pointAt.text.slice(0, 40));
      if (at >= 0) text = text.slice(0, at);
    }
    if (text.trim()) out.push({ resolution, point: null, line: n, text });
  }
  return out;
}

/** The verdict of a decision on what its agenda item came from: its first point's main clause. */
export function verdict(resolution: ExtractedResolution): string {
  const first = resolution.points[0]?.text.replace(/\s+/g, ' ') ?? '';
  return first.split(/,?\s+und\s+(?=bittet|beauftragt|fordert|ersucht)|;/)[0];
}

/** The session a decision was taken at, where it is a numbered session of the council. */
export function sessionOf(
  resolution: ExtractedResolution,
  context: LinkContext,
): number | undefined {
  const m = resolution.meeting;
  if (m && (m.kind !== 'session' || m.body)) return undefined;
  return m?.number ?? context.meeting;
}
