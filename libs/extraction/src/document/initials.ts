import type { SourceLine } from '../text/source-text';
import type { ParsedDocument } from './parsed-document';

/**
 * Minutes that list who came with a short sign for each ("Frau Kessler (NRW) – KE") and then name
 * the owners of tasks by those signs ("Wer: KE", "BR/LO"): each sign stands for the member or body
 * in the person's brackets.
 */
const ATTENDEE =
  /^(?:[-•*]\s*)?(?:Herr|Frau|Hr\.|Fr\.)\s+(?:(?:Dr|Prof)\.\s*)*[\p{L}-]+(?:\s+[\p{L}-]+)?\s*\(([^()]{2,60})\)\s*[–-]\s*(\p{Lu}{2,3})\s*$/u;

export function attendeeSigns(lines: SourceLine[]): Map<string, string> {
  const signs = new Map<string, string>();
  for (const line of lines) {
    if (!line.text.includes('(')) continue;
    const m = ATTENDEE.exec(line.text);
    if (m) signs.set(m[2], m[1].split(',')[0].trim());
  }
  return signs;
}

/** Task rows whose owners are signs of the attendance list, with the owners the signs stand for. */
export function ownersForSigns(doc: ParsedDocument, signs: Map<string, string>): void {
  if (signs.size === 0) return;
  for (const resolution of doc.resolutions)
    for (const point of resolution.points) {
      if (!point.task) continue;
      point.task.owners = point.task.owners.replace(
        /(?<![\p{L}])\p{Lu}{2,3}(?![\p{L}])/gu,
        (sign) => signs.get(sign) ?? sign,
      );
    }
}
