import type { PointText, TextSpan } from './decision-points';

/**
 * Minutes that tell a task in a sentence and name who and by when in brackets after it: "Die AG
 * fasst die Ergebnisse in einem Bericht zusammen (verantwortlich: NI, Termin: 15.04.)", "… (zust.:
 * HE, SN; bis: zum Monatsende)". Each such sentence is a task row of its own (owners and term as
 * the brackets say), and taken out of the prose, so the grammar does not read it a second time.
 */
const BRACKET =
  /\((?:verantwortlich|verantw\.|zuständig|zust\.|Verantwortung|wer)\s*:\s*([^;:()]+?)\s*[,;/]\s*(?:Termin|Frist|bis|wann)\s*:\s*([^()]+?)\s*\)\.?/giu;

/** The bracketed tasks of an agenda item's prose; their sentences are blanked in the spans. */
export function bracketedTasks(spans: TextSpan[]): PointText[] {
  if (!spans.some((s) => s.text.includes('('))) return [];
  // The spans joined by a blank each, with where each starts, to map a sentence back to them.
  const starts: number[] = [];
  let joined = '';
  for (const span of spans) {
    starts.push(joined.length);
    joined += `${span.text} `;
  }
  const tasks: PointText[] = [];
  const blanks: Array<[number, number]> = [];
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(joined); m; m = BRACKET.exec(joined)) {
    // The sentence the brackets close: from after the last full stop before them.
    const before = joined.slice(0, m.index);
    const from = Math.max(before.search(/[^.!?]*$/), 0);
    const sentence = joined.slice(from, m.index).trim();
    if (sentence === '') continue;
    const at = starts.filter((s) => s <= from).length - 1;
    tasks.push({
      number: 0,
      text: `${m[1]}: ${sentence}`,
      line: spans[Math.max(at, 0)].line,
      lineMap: [],
      task: { owners: m[1], action: sentence, term: m[2], row: `${sentence} ${m[0]}`.trim() },
    });
    blanks.push([from, m.index + m[0].length]);
  }
  // Blank the sentences where they stand (same length: each span keeps its offsets).
  for (const [from, to] of blanks)
    spans.forEach((span, i) => {
      const a = Math.max(from - starts[i], 0);
      const b = Math.min(to - starts[i], span.text.length);
      if (a < b) span.text = span.text.slice(0, a) + ' '.repeat(b - a) + span.text.slice(b);
    });
  return tasks;
}
