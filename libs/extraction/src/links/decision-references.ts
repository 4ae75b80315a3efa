/** A decision number a text names ("Beschluss 2021/16", "Beschlüsse 2019/50 und 2019/51"). */
export interface DecisionReference {
  /** Normalised: YYYY/NN. */
  id: string;
  /** The words as written, from the keyword to the number. */
  text: string;
  /** Where the number starts in the text. */
  index: number;
  /** The few words before the keyword ("auf Grundlage des", "ersetzt den"). */
  before: string;
}

/** "2022-06", "2022/6", "2022 / 06" -> "2022/06"; anything else unchanged. */
export function normaliseDecisionId(id: string): string {
  const m = /^(20\d{2}|19\d{2})\s*[/-]\s*(\d{1,3})$/.exec(id.trim());
  return m ? `${m[1]}/${m[2].padStart(2, '0')}` : id;
}

/** The council's YYYY/NN, or a municipal council's YYYY/AN/NNNN (year, kind of paper, number). */
const NUMBER = String.raw`(?:(?:19|20)\d{2}\s?[/-]\s?\d{1,3}(?!\d)(?![/.-]\d)(?!-?[A-Z]{2})|(?:19|20)\d{2}/[A-Z]{1,4}/\d{1,6}(?!\d))`;
/**
 * The words that introduce an IT-Planungsrat decision's number: Beschluss and its forms,
 * Entscheidung, Umlaufbeschluss, Beschlussnummer; between them and the number may stand the
 * council's name, "Nr.", or the date ("Beschluss vom 17. März 2021 (2021/12)").
 */
const KEYWORD = String.raw`(?:Umlauf|Grundsatz)?(?:[Bb]eschl(?:uss|usses|üsse|üssen)|Entscheidung(?:en)?|Beschlussnummer|Beschluss-Nr\.?)`;
const BETWEEN = String.raw`:?(?:\s+(?:(?:des|der)\s+)?IT-(?:PLR|Planungsrat(?:e?s)?))?(?:\s+IT-(?:PLR)?\s*\|)?(?:\s+vom\s+\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+)\s*\d{2,4})?\s*\(?\s*(?:Nr\.|Nummer)?\s*`;
const LIST_JOIN = String.raw`\s*(?:,|und|sowie|bzw\.|oder)\s*(?:(?:Nr\.|Beschluss|Beschlusses)\s*)?`;
const REFERENCE = new RegExp(`(${KEYWORD})${BETWEEN}(${NUMBER}(?:${LIST_JOIN}${NUMBER})*)`, 'g');
const ONE = new RegExp(NUMBER, 'g');
/** Numbers of other bodies or documents: a Drucksache, a Bundesrat or MPK decision. */
/** Another body's decision just before the keyword ("der MPK vom ... Beschluss" is rare; "Drucksache"). */
const FOREIGN =
  /(?:Drucksache|Drs\.|MPK|Ministerpräsidentenkonferenz|Bundesrat(?:e?s)?|Bundestag(?:e?s)?|IMK|Konferenz)\s*(?:Nr\.\s*)?$/i;

/** Every IT-Planungsrat decision number a text names after one of its keywords. */
export function decisionNumbers(text: string): DecisionReference[] {
  const found: DecisionReference[] = [];
  REFERENCE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = REFERENCE.exec(text)) !== null) {
    const before = text.slice(Math.max(0, match.index - 60), match.index);
    // "Bundesratsbeschluss", "MPK-Beschluss 2019/3": another body's numbers; "IT-PLR-Beschluss" is ours.
    if (/[\p{L}\d]-?$/u.test(before) && !/IT-(?:PLR|Planungsrat\w*)-$/.test(before)) continue;
    if (FOREIGN.test(before.slice(-24))) continue;
    const list = match[2];
    const listAt = match.index + match[0].length - list.length;
    ONE.lastIndex = 0;
    let one: RegExpExecArray | null;
    while ((one = ONE.exec(list)) !== null) {
      found.push({
        id: normaliseDecisionId(one[0].replace(/\s/g, '')),
        text: match[0],
        index: listAt + one.index,
        before: before.trim(),
      });
    }
  }
  return found;
}
