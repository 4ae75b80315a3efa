import type { ExtractedMandate } from '../extraction.types';
import { OWNER, TASK, TERM } from './task-table';
import type { ParsedResolution } from './parsed-document';

/**
 * A line that heads a decision of another shape: a record number ("Vorlage XIX-0365/2023",
 * "Drucksache 21/1234", "DS-Nr. 2023/117") or an agenda heading ("TOP 7", "Tagesordnungspunkt 4").
 */
const RECORD_HEADING =
  /^\s*(?:(?:Drucksachen?|Vorlagen?|Antrag|Anträge|Beschlussvorlage|Ds\.?|DS|Vorlagen?-?Nr\.?|Drucksachen?-?Nr\.?|DS-Nr\.?)\s*:?\s*(?:Nr\.?\s*)?[A-Z]{0,5}[-\s]?[IVXL]{0,5}-?\s?\d{1,5}\s*[/-]\s*\d{1,5}|(?:TOP|Tagesordnungspunkt)\s*:?\s*(?:Ö|N|ö|n)?\s*\d{1,3}(?:\.\d+)?\b)/;
/** An owner that is a record number or a heading, not a body. */
const NOT_A_BODY =
  /\d{2,}\s*[/-]\s*\d|^(?:TOP|Tagesordnungspunkt|Drucksache|Vorlage|Antrag|Beschluss|Anlage|Punkt|Ziffer|Nr\.?)(?![\p{L}])/u;

/**
 * Says, in German, why the text's shape is not one the extractor can read reliably, or nothing:
 * owners that are record numbers or headings, one decision whose points hold the record numbers
 * of several, or more decisions under record numbers than decisions read (a council's page of
 * decisions run together).
 */
export function shapeDoubt(
  lines: string[],
  resolutions: ParsedResolution[],
  mandates: ExtractedMandate[],
): string | undefined {
  const odd = mandates.flatMap((m) => m.owners).find((o) => NOT_A_BODY.test(o));
  if (odd) {
    return `Als zuständige Stelle wurde „${odd}“ gelesen, eine Nummer oder Überschrift: Der Aufbau des Textes wurde nicht erkannt, alle Aufträge sind zu prüfen.`;
  }
  for (const resolution of resolutions) {
    const headings = resolution.points
      .flatMap((p) => p.text.split('\n'))
      .filter((line) => RECORD_HEADING.test(line));
    if (headings.length >= 2) {
      return `Im Beschluss ${resolution.id} stehen ${headings.length} Vorlagen- oder Tagesordnungsnummern: Die Grenzen zwischen den Beschlüssen wurden nicht erkannt, alle Aufträge sind zu prüfen.`;
    }
  }
  // A task table ("Aufgaben | zuständig | Termin") whose rows came apart into loose lines.
  if (!mandates.some((m) => m.basis === 'task-table') && looseTaskTable(lines)) {
    return 'Der Text enthält eine Aufgabenliste (Aufgabe, zuständig, Termin), deren Zeilen nicht als Tabelle gelesen werden konnten: Die Aufgaben darin sind von Hand zu prüfen.';
  }
  // Decisions headed by record numbers that the parser did not take as decisions of their own.
  // "TOP 5 Radwegekonzept⏎Vorlage: 2024/045": an agenda item and its record number head one decision.
  let headed = 0;
  let last = -10;
  lines.forEach((line, i) => {
    if (!RECORD_HEADING.test(line)) return;
    if (i - last > 1) headed++;
    last = i;
  });
  if (headed >= 2 && resolutions.length < headed) {
    return `Der Text nennt ${headed} Vorlagen- oder Tagesordnungsnummern, aber nur ${resolutions.length === 1 ? 'ein Beschluss wurde' : `${resolutions.length} Beschlüsse wurden`} erkannt: Die Grenzen zwischen den Beschlüssen wurden nicht erkannt, alle Aufträge sind zu prüfen.`;
  }
  return undefined;
}

/** The head of a task table as loose lines: "Aufgaben", then "zuständig", then "Termin" close by. */
function looseTaskTable(lines: string[]): boolean {
  const at = (pattern: RegExp, from: number) =>
    lines.findIndex((line, i) => i > from && i <= from + 8 && pattern.test(line.trim()));
  return lines.some((line, i) => {
    if (!TASK.test(line.trim())) return false;
    const owner = at(OWNER, i);
    return owner > 0 && at(TERM, owner) > 0;
  });
}
