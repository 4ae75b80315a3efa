import { MONTH_SHORT_PATTERN } from './german-dates';

/** A sentence of a decision point and where it starts in the point's text. */
export interface Sentence {
  text: string;
  offset: number;
}

const ABBREVIATIONS = new Set(
  [
    'z.B',
    'd.h',
    'u.a',
    'bzw',
    'ggf',
    'ca',
    'Nr',
    'Abs',
    'Art',
    'Kap',
    'vgl',
    'inkl',
    'gem',
    'Ziff',
    'Anl',
    'S',
    'usw',
    'etc',
    'sog',
    'Dr',
    'Prof',
    'v.a',
    'i.V.m',
    'lt',
    'evtl',
    'zzgl',
    'Bzw',
    'Vgl',
    'Tz',
    'Rn',
    'Buchst',
    'Nrn',
    'Mio',
    'Mrd',
    'Hr',
    'Fr',
    'insb',
    'einschl',
    'Az',
    // Titles in municipal minutes: "Rh. Scholz" (Ratsherr), "Rf." (Ratsfrau), "Stv.", "Bgm.", "Abg.".
    'Rh',
    'Rf',
    'Rfr',
    'Stv',
    'stellv',
    'StR',
    'Bgm',
    'OBgm',
    'Abg',
    'Dipl',
    'Str',
  ].map((a) => a.toLowerCase()),
);

/** Words that begin a new sentence after an ordinal-looking number ("... Kap. 6. Die ..."). */
const STARTERS = new Set([
  'Der',
  'Die',
  'Das',
  'Er',
  'Sie',
  'Es',
  'Dabei',
  'Hierzu',
  'Dazu',
  'Zudem',
  'Ferner',
  'Außerdem',
  'Weiterhin',
  'Dies',
  'Diese',
  'Dieser',
  'Damit',
  'Darüber',
  'Hierbei',
  'Ebenso',
  'Zugleich',
]);

const MONTH_SHORT = new RegExp(`^(?:${MONTH_SHORT_PATTERN})$`);
const DAY_BEFORE = /\d\.\s?\p{L}+$/u;

/**
 * Splits German decision text into sentences. A period ends a sentence unless it closes a known
 * abbreviation, a date, or an ordinal ("zur 33. Sitzung").
 */
export function splitSentences(text: string, lineStarts: number[] = []): Sentence[] {
  const sentences = sentencesByPunctuation(text);
  return lineStarts.length === 0 ? sentences : sentences.flatMap((s) => atHeadings(s, lineStarts));
}

/** A line opening with a capital article and a noun ("Der Bürgermeister wird …"). */
const ARTICLE_START = /^(?:Der|Die|Das|Dem|Den)\s+\p{Lu}/u;
/**
 * The end of a heading: a word, a number or a closing quote, no punctuation; or a label line of
 * up to three words and a colon ("Beschlussvorschlag:", "Beschluss der Verwaltung:"), or a
 * recommendation's label of any length ("Beschlussempfehlung des Bauausschusses an den Rat:").
 */
const HEADING_END =
  /[\p{L}\d"“”)]\s*$|^\s*\S+(?:\s+\S+){0,2}\s*:\s*$|^\s*(?:Beschlussvorschlag|Beschlussempfehlung|Empfehlung|Vorschlag)\b[^.]{0,100}:\s*$/u;

/**
 * "Bildung einer Geschäftsführung⏎Der Bürgermeister wird beauftragt …": a heading without a full
 * stop, then a line opening with a capital article and a noun. Mid-sentence an article is never
 * capitalised, so the line break ends the heading.
 */
function atHeadings(sentence: Sentence, lineStarts: number[]): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  let lineFrom = 0;
  for (const at of lineStarts) {
    const local = at - sentence.offset;
    if (local <= from || local >= sentence.text.length) {
      if (local > 0 && local < sentence.text.length) lineFrom = local;
      continue;
    }
    const before = sentence.text.slice(from, local);
    const line = sentence.text.slice(Math.max(from, lineFrom), local);
    lineFrom = local;
    if (!HEADING_END.test(line) || !ARTICLE_START.test(sentence.text.slice(local))) continue;
    out.push({ text: before.trim(), offset: sentence.offset + from });
    from = local;
  }
  if (from === 0) return [sentence];
  out.push({ text: sentence.text.slice(from), offset: sentence.offset + from });
  return out;
}

function sentencesByPunctuation(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  // "… ein Konzept. b) Die Länder melden …": a lettered item starts a sentence too, and so does
  // an arrow that marks a result ("… angebunden sind.⏎→ Die Gemeinden melden …").
  const boundary = /([.!?;])(["“”)]?)\s+(?=["„(]?[\p{Lu}\d]|[a-z]\)\s|[→►➔⇒])/gu;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(text)) !== null) {
    const end = match.index + 1 + match[2].length;
    if (match[1] === '.' && !endsSentence(text, match.index, match.index + match[0].length))
      continue;
    if (match[1] === ';') continue;
    push(sentences, text, start, end);
    start = match.index + match[0].length;
  }
  push(sentences, text, start, text.length);
  return sentences;
}

function push(sentences: Sentence[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const trimmed = raw.trim();
  if (trimmed) sentences.push({ text: trimmed, offset: start + raw.indexOf(trimmed) });
}

function endsSentence(text: string, periodAt: number, nextAt: number): boolean {
  // "(vgl. Kapitel 2)": an opening bracket or quote is not part of the abbreviation.
  const before = (
    /(\S+)$/.exec(text.slice(Math.max(0, periodAt - 40), periodAt))?.[1] ?? ''
  ).replace(/^[(„"[]+/, '');
  const nextWord = /^["„(]?([\p{L}\d]+)/u.exec(text.slice(nextAt))?.[1] ?? '';
  if (ABBREVIATIONS.has(before.toLowerCase())) return false;
  if (/^\p{L}$/u.test(before)) return false;
  // "zur 33. Sitzung", "im II. Quartal": an ordinal, unless a sentence plainly starts after it.
  if (/^(?:\d{1,3}|II|III|IV|VI{0,3}|IX|XI{0,2})$/.test(before)) return STARTERS.has(nextWord);
  if (/^\d{1,2}\.\d{1,2}$/.test(before)) return STARTERS.has(nextWord);
  // "bis 31. Dez. 2022", "im Okt. 2023": a month's short form before a year or after a day.
  if (
    MONTH_SHORT.test(before) &&
    (/^(?:19|20)\d\d$/.test(nextWord) ||
      DAY_BEFORE.test(text.slice(Math.max(0, periodAt - 12), periodAt)))
  )
    return STARTERS.has(nextWord);
  return true;
}
