import type { EarlierMandate } from './link.types';

/** Significant words this short or this common say nothing about what a task is about. */
const GENERIC = new Set(
  [
    'planungsrat',
    'it-planungsrat',
    'sitzung',
    'bericht',
    'berichten',
    'berichtet',
    'vorzulegen',
    'vorlegen',
    'vorgelegt',
    'vorgelegten',
    'beschluss',
    'beschließt',
    'kenntnis',
    'gebeten',
    'bittet',
    'beauftragt',
    'beauftragen',
    'nächsten',
    'nächste',
    'weiteren',
    'weitere',
    'hierzu',
    'darüber',
    'entsprechend',
    'entsprechende',
    'geschäftsstelle',
    'länder',
    'ländern',
    'bundes',
    'zusammenarbeit',
    'insbesondere',
    'erstellen',
    'erarbeiten',
    'sowie',
    'hierfür',
    'dieser',
    'dieses',
    'diesen',
    'welche',
    'werden',
    'wurde',
    'wurden',
    'worden',
    'haben',
    'sollen',
    'können',
    'zwischen',
    'gemeinsam',
    'gemeinsamen',
    'unter',
    'stand',
    'umsetzung',
  ].map(stem),
);

/** A crude German stem: lowercase, common endings off, at most 8 letters. */
export function stem(word: string): string {
  const lower = word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const cut = lower.replace(/(?:ungen|ung|en|er|es|em|e|n|s)$/u, '');
  return (cut.length >= 5 ? cut : lower).slice(0, 8);
}

/** The words of a text that can say what it is about (stems of words of 6 letters or more). */
export function subjectWords(text: string, ownerSpans: Array<[number, number]>): Set<string> {
  const words = new Set<string>();
  const pattern = /[\p{L}][\p{L}-]{5,}/gu;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const at = match.index;
    if (ownerSpans.some(([s, e]) => at >= s && at < e)) continue;
    for (const part of match[0].split('-')) {
      if (part.length < 5) continue;
      const s = stem(part);
      if (!GENERIC.has(s)) words.add(s);
    }
  }
  return words;
}

/** An earlier mandate's subject words, read once however many sentences it is compared with. */
const TASK_WORDS = new WeakMap<EarlierMandate, Set<string>>();
const BODY_WORDS = new WeakMap<EarlierMandate, Set<string>>();
export function taskWords(m: EarlierMandate): Set<string> {
  let words = TASK_WORDS.get(m);
  if (!words) TASK_WORDS.set(m, (words = subjectWords(`${m.action} ${m.source}`, [])));
  return words;
}
const TITLE_WORDS = new WeakMap<EarlierMandate, Set<string>>();
export function titleWordsOf(m: EarlierMandate): Set<string> {
  let words = TITLE_WORDS.get(m);
  if (!words) TITLE_WORDS.set(m, (words = subjectWords(m.title ?? '', [])));
  return words;
}

export function taskAndTitleWords(m: EarlierMandate): Set<string> {
  let words = BODY_WORDS.get(m);
  if (!words)
    BODY_WORDS.set(m, (words = subjectWords(`${m.action} ${m.source} ${m.title ?? ''}`, [])));
  return words;
}

/** Quotes and spacing aside, for finding an owner's name as written. */
export function plain(text: string): string {
  return text.replace(/[„“”"'‚‘’»«]/g, '').replace(/\s+/g, ' ');
}

/**
 * The owners of earlier mandates a sentence names: by the registry (codes), or, for owners the
 * registry does not know, by their names as the earlier text wrote them.
 */
export function ownersNamed(
  sentence: string,
  registryOwners: string[],
  candidates: Array<Pick<EarlierMandate, 'owners'>>,
): Set<string> {
  const named = new Set(registryOwners);
  const text = plain(sentence);
  for (const m of candidates)
    for (const o of m.owners)
      if (!named.has(o) && o.length >= 8 && text.includes(plain(o))) named.add(o);
  return named;
}

/**
 * Subject words as a reader finds them in the text: for each stem, the first word of `text`
 * that has it ("Registermodernisierung", not "register"), quoted; the three longest.
 */
export function spelled(stems: string[], text: string): string {
  const wanted = new Set(stems);
  const out: string[] = [];
  for (const word of text.match(/[\p{L}][\p{L}-]{4,}/gu) ?? []) {
    const s = stem(word);
    if (wanted.has(s)) {
      wanted.delete(s);
      out.push(word.replace(/-+$/, ''));
    }
  }
  return out
    .sort((a, b) => b.length - a.length)
    .slice(0, 3)
    .map((w) => `„${w}“`)
    .join(', ');
}

/** Words of a body's name that do not tell one body from another. */
const NAME_WORDS = new Set([
  'arbeitsgruppe',
  'initiative',
  'projekt',
  'projektes',
  'gruppe',
  'gremium',
  'der',
  'die',
  'das',
  'des',
  'und',
  'für',
  'zur',
  'zum',
  'bund-länder-arbeitsgruppe',
]);

/** Owner names are few and compared often: their words are read once (bounded cache). */
const NAME_TOKENS = new Map<string, string[]>();
function nameTokens(name: string): string[] {
  let tokens = NAME_TOKENS.get(name);
  if (!tokens) {
    if (NAME_TOKENS.size > 5000) NAME_TOKENS.clear();
    tokens = plain(name)
      .toLowerCase()
      .replace(/[()/,.]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
      .map((t) => (t === 'ag' ? 'arbeitsgruppe' : t));
    NAME_TOKENS.set(name, tokens);
  }
  return tokens;
}

/**
 * The same owner named two ways: "Arbeitsgruppe Föderale IT-Kooperation" and "Arbeitsgruppe
 * Initiative Föderale IT-Kooperation (FITKO)", "AG FITKO" and "Arbeitsgruppe FITKO". The words of
 * the shorter name, "AG" read as "Arbeitsgruppe", are all in the longer one, and one of them
 * tells the body apart (not "Arbeitsgruppe" alone). Registry codes ("HB", "Bund") only as written.
 */
export function sameOwner(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 8 || b.length < 8) return false;
  const [short, long] = [nameTokens(a), nameTokens(b)].sort((x, y) => x.length - y.length);
  const longSet = new Set(long);
  return short.every((t) => longSet.has(t)) && short.some((t) => !NAME_WORDS.has(t));
}
