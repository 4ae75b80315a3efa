import { joinHyphenated } from '../document/decision-points';

/**
 * Text as mentions are matched: no quotes, no short parenthetical abbreviations "(KG)". A short
 * quoted name keeps its words together ("Arbeitsgruppe „Cloud-Computing und digitale
 * Souveränität“"); "Aufbaustab/die AG FITKO" names two.
 */
export function matchableText(text: string): string {
  // Each pass only where its characters occur: this runs on every sentence.
  let out = joinHyphenated(text);
  // "→ Die Gemeinden melden …": an arrow marks a result or a task in minutes, no word of it; so
  // does a label or number of the item ("Maßnahme 2.1-1: Der Bund …", "LA-2025-09-01/A1 Brandenburg
  // legt …", "AP 3 Hamburg erarbeitet …", "6.2 Berlin sagt zu …").
  if (ARROW_FIRST.test(out)) out = out.replace(ARROW_FIRST, '');
  if (LIST_LABEL.test(out)) out = out.replace(LIST_LABEL, '');
  if (ITEM_LABEL.test(out)) out = out.replace(ITEM_LABEL, '');
  if (QUOTE_CHAR.test(out)) {
    out = out
      .replace(/[„“”"»«]([^„“”"»«]{1,80})[“”"«»]/g, (_quote: string, inner: string) =>
        inner.trim().split(/\s+/).length <= 8 && !/[.!?;:]/.test(inner)
          ? inner.trim().replace(/\s+/g, '\u00a0')
          : inner,
      )
      .replace(/[„“”"‚‘’«»]/g, '');
  }
  // "die Koordinierungsgruppe (KG) Portalverbund": an abbreviation inside a name goes.
  if (out.includes('(')) out = out.replace(/\s*\(\p{Lu}[\p{L}\d]{0,8}\)(?=\s+\p{Lu})/gu, '');
  if (out.includes('/'))
    out = out.replace(/([a-zäöüßA-ZÄÖÜ])\/(?=(?:die|der|den|das)\s)/g, '$1 und ');
  return /[\t\n]| {2}/.test(out) ? out.replace(/[ \t\n]{2,}|[\t\n]/g, ' ') : out;
}

const QUOTE_CHAR = /[„“”"‚‘’«»]/;
const ARROW_FIRST = /^\s*(?:→|►|➔|⇒|->|=>)\s*/u;
const LIST_LABEL = /^(?:Aufträge|Aufgaben|Maßnahmen|Festlegungen|Vereinbarungen)\s*:\s+(?=\S)/u;
const ITEM_LABEL =
  /^(?:(?:Maßnahme|Festlegung|Vereinbarung|Merkposten|Arbeitspaket|AP)\s*\d[\w.\-/]*\s*:?\s+|\p{Lu}{1,5}-[\w.\-/]*\d[\w.\-/]*\s+|\d{1,2}\.\d{1,2}\.?\s+)(?=\p{Lu})/u;

/** A name as it is stored: the words of a quoted name apart again. */
export function displayName(name: string): string {
  return name.replace(/\u00a0/g, ' ');
}
