import type { SourceLine } from '../text/source-text';

/** Lines of a page that are no text: its address, a cut marked by the copier. */
export const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
export const CUT = /^\[(?:TRUNCATED|gekürzt|\.\.\.|…)\]$/i;

/** A saved page's next section after the decision ("▸ Hintergrund", "Weitere Entscheidungen"). */
export const PAGE_SECTION =
  /^(?:[▸▾›»]\s*)?(?:Hintergrund|Veranstaltungshinweise?|Weitere Entscheidungen|Weitere Informationen|Verwandte Themen|Das könnte Sie auch interessieren)\s*:?$/u;

/** A line that parts two sources pasted into one text. */
const SEPARATOR = /^(?:={3,}|-{5,}|_{5,}|\*{5,})$/;
/** A note by whoever copied the text: "[Secondary source: ...]". */
const EDITORIAL = /^\[[^\]]{3,}\]$/;
/** OCR and web noise inside a text: page numbers, "/ 161", "S. 2 von 21". */
const PAGE_NOISE = [
  /^\d{1,3}$/,
  /^\/\s*\d{1,4}$/,
  /\bS\.\s*\d+\s+von\s+\d+$/,
  // A saved web page's footer: "Zuletzt aktualisiert: 14.04.2025", "Letzte Änderung am …".
  /^(?:Zuletzt\s+(?:aktualisiert|geändert|bearbeitet)|Letzte\s+(?:Aktualisierung|Änderung)|Aktualisiert\s+am)\b.{0,40}$/i,
];

/** One source of a text that holds several, parted by separator lines. */
export interface Section {
  lines: SourceLine[];
}

export function sections(lines: SourceLine[]): Section[] {
  const out: Section[] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (SEPARATOR.test(line.text)) {
      if (current.some((l) => l.text !== '')) out.push({ lines: current });
      current = [];
      continue;
    }
    current.push(line);
  }
  if (current.some((l) => l.text !== '')) out.push({ lines: current });
  return out;
}

export function isNoise(text: string): boolean {
  return URL_LINE.test(text) || EDITORIAL.test(text) || PAGE_NOISE.some((p) => p.test(text));
}
