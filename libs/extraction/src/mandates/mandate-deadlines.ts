import type { Due } from '@app/domain';
import {
  parseDeadline,
  rankedDeadline,
  type DeadlineContext,
  type ParsedDeadline,
} from './deadline.parser';
import type { DecisionState } from './decision.state';
import { TIME_LABEL_WORD } from './deadline-words';
import { leftOverTime } from './time-residue';

/**
 * Deadline words the rules did not read: the reviewer should look ("Anfang 2023" may mean January
 * or the first quarter; "zu ihrer 102. Sitzung" is a session of whichever body "ihrer" means). Hedges ("zeitnah",
 * "schnellstmöglich") are understood: they set no deadline, and are no doubt.
 */
export const UNCLEAR_DEADLINE =
  /(?<![\p{L}-])(?:bis\s+(?:zum|zur|spätestens|Ende|Mitte|Anfang)|(?:Anfang|(?:zu\s+)?Beginn)\s+(?:des\s+(?:\p{L}+\s+)?Jahres|(?:19|20)\d\d)|(?:zu|in|auf|bis\s+zu)\s+ihrer\s+(?:\d{1,3}\.|nächsten|kommenden|übernächsten)\s*\p{L}*[Ss]itzung|\d{1,3}\.\s*(?:oder|bzw\.|beziehungsweise)\s*\d{1,3}\.\s*\p{L}*[Ss]itzung)(?![\p{L}-])/iu;

/** A condition that opens the sentence: "Falls …,", "Sofern …,", "Wenn …,". */
const CONDITION_FIRST = /^(?:Falls|Sofern|Soweit|Wenn|Sollte)\s[^,;]{3,200},\s*/u;

const LABEL_FIRST = new RegExp(String.raw`^${TIME_LABEL_WORD}\s*:`, 'i');

/**
 * Whether the deadline read for a clause should be checked: a rule said it read only part of the
 * phrase, deadline words stand where no deadline was read, a time of the clause was left over
 * (`leftOverTime`), or "bis …" says how long a state is kept rather than by when.
 */
export function deadlineDoubted(
  deadline: ParsedDeadline,
  clause: string,
  decidedOn?: string,
): boolean {
  return (
    Boolean(deadline.unclear) ||
    (deadline.due.kind === 'none' && UNCLEAR_DEADLINE.test(clause)) ||
    leftOverTime(clause, deadline.due, deadline.text, decidedOn) !== undefined ||
    lastingUntil(deadline.text, clause)
  );
}

/**
 * An event that is a date the page or the calendar may know: a session, a conference, a break, the
 * budget deliberations, or a time counted from the decision itself ("bis zur nächsten Sitzung",
 * "vor der Sommerpause", "acht Wochen nach Abschluss dieses Umlaufverfahrens"). Such a task never
 * falls overdue until someone gives it the date. A condition ("sobald …", "nach Inkrafttreten der
 * Satzung", "vier Wochen nach Versand des Entwurfs") is an event of another kind, no doubt.
 */
const DATABLE_EVENT =
  /(?:sitzung|konferenz|tagung|versammlung|runde|pause|ferien|haushaltsberatung|beratungen\s+über\s+den\s+haushalt|schuljahr|beschlussfassung|umlaufverfahren|dieses\s+beschlusses)/iu;
/** "nach Beschlussfassung der ChefBK": another body's decision, whose day no page here gives. */
const OTHER_BODY_NEXT = /^\s+(?:der|des|durch)\s/u;
export function undatedTime(deadline: ParsedDeadline, clause: string): boolean {
  if (deadline.due.kind !== 'event' || !DATABLE_EVENT.test(deadline.text)) return false;
  if (!/beschlussfassung\s*$/iu.test(deadline.text)) return true;
  const at = clause.indexOf(deadline.text);
  return at < 0 || !OTHER_BODY_NEXT.test(clause.slice(at + deadline.text.length));
}

/** Verbs of keeping a state: "bis zum Abschluss ... zu schützen" says how long, perhaps not by when. */
const LASTING =
  /(?<![\p{L}-])(?:schützen|sichern|erhalten|bewahren|unterlassen|verzichten|dulden|(?:fort|weiter)(?:zu)?(?:führen|setzen)|aufrecht(?:zu)?erhalten|(?:offen|frei)(?:zu)?halten|zurück(?:zu)?stellen|aus(?:zu)?setzen|bei(?:zu)?behalten|ab(?:zu)?sehen)(?![\p{L}-])/u;

/** A deadline read from "bis ..." in a clause whose task is to keep something so until then. */
export function lastingUntil(dueText: string, clause: string): boolean {
  return /^bis\b/i.test(dueText) && LASTING.test(clause);
}

/**
 * "Über den Fortschritt ist dem Ausschuss vierteljährlich zu berichten" after a request with a time
 * of its own: a duty put impersonally, with another time; no mandate (it names no one).
 */
export function ownDuty(text: string, due: Due, requestDue: Due): boolean {
  return due.kind !== 'none' && due.kind !== 'event' && !sameDue(due, requestDue) && isDuty(text);
}

/** "… ist … zu berichten": a duty put impersonally (the test before any deadline is read). */
export const isDuty = (text: string) =>
  /(?<![\p{L}-])(?:ist|sind)(?![\p{L}-]).*(?:\p{Ll}zu\p{Ll}{2,}en|\szu\s+\p{Ll}{2,}en)\s*[.!]?\s*$/u.test(
    text,
  );

/** A sentence without a request that only adds a time to the request before it. */
export function lendsDeadline(text: string): boolean {
  // A decision of the council's own ("Der IT-Planungsrat beschließt die Kriterien, die bis 2022 ...").
  if (
    /^(?:Der\s+\S+|Er)\s+(?:beschließt|nimmt|stellt|billigt|begrüßt|stimmt|bestätigt|legt\s+fest)\b/u.test(
      text,
    )
  )
    return false;
  // "Frist: 30.06.2022.", "Termin: 38. Sitzung": the point's time, given on its own.
  if (LABEL_FIRST.test(text)) return true;
  return (
    /\b(?:soll|sollen|ist|sind|hat|haben)\b.*\b(?:werden|erfolgen|vorzulegen|vorzusehen|zu berichten)\b|\bberichtet werden\b/.test(
      text,
    ) ||
    // "Die Ergebnisse sind dem IT-Planungsrat in der 38. Sitzung vorzustellen": a duty's time.
    isDuty(text) ||
    /(?<![\p{L}-])(?:soll|sollen|sollte|sollten)(?![\p{L}-])/u.test(text) ||
    // "Konkrete Angaben werden in der nächsten Sitzung erörtert", "Die Entscheidung wird auf die
    // nächste Sitzung vertagt": when the result of the point's task is to be taken up.
    /(?<![\p{L}-])(?:wird|werden)(?![\p{L}-]).*(?<![\p{L}-])(?:erörtert|beraten|beschlossen|entschieden|behandelt|vorgestellt|vertagt|angefragt|eingeholt|geprüft|vorgelegt|informiert|unterrichtet|mitgeteilt|erarbeitet|erstellt|ermittelt|geklärt)(?![\p{L}-])/u.test(
      text,
    ) ||
    // "Der IT-Planungsrat befasst sich mit der Freigabe in der 47. Sitzung": when the result is due.
    /^(?:Der\s+\S+|Er)\s+(?:befasst\s+sich|wird\s.*\b(?:beschließen|entscheiden|befassen)|entscheidet)\b/u.test(
      text,
    ) ||
    // "Zur 38. Sitzung erwartet er einen Sachstandsbericht": the council's expectation of a result.
    /(?<![\p{L}-])(?:erwartet|erbittet)(?![\p{L}-])[^.;]*(?:Bericht|Sachstand|Vorlage|Konzept|Entwurf|Ergebnis)/u.test(
      text,
    )
  );
}

export function sameDue(a: Due, b: Due): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The deadline of a request; where it gives two tasks deadlines of their own ("bis zum 30.
 * November vorzulegen und ... bis zur 34. Sitzung zu finalisieren"), one per task.
 */
export function deadlinesOf(
  clause: string,
  ctx: DeadlineContext,
  state: DecisionState,
): Array<{ deadline: ParsedDeadline; text: string; borrowed?: true; listed?: true }> {
  const relative =
    clause.includes(', d') || clause.includes(', w') || RELATIVE_AFTER_PREPOSITION.test(clause)
      ? withoutRelativeClauses(clause)
      : clause;
  // "Falls bis zur 49. Sitzung keine Einigung erzielt ist, legt die FITKO … zur 50. Sitzung …
  // vor": the condition's time is not the task's, where the task names one of its own.
  const condition = CONDITION_FIRST.exec(relative);
  const plain =
    condition && parseDeadline(relative.slice(condition[0].length), ctx).due.kind !== 'none'
      ? relative.slice(condition[0].length)
      : relative;
  const cut = infinitiveParts(plain);
  const parts = cut.map((p) => p.text);
  let deadline: ParsedDeadline;
  if (parts.length > 1) {
    const read = parts.map((text) => ({ text, ranked: rankedDeadline(text, ctx) }));
    // "jährlich fortzuschreiben und … jeweils bis zum 30. September vorzulegen": one duty that
    // recurs, its day given by one part.
    const dated = read.some(
      (f) => f.ranked.due.kind === 'recurring' && Object.keys(f.ranked.due).length > 1,
    );
    const found = dated
      ? read.filter(
          (f) => f.ranked.due.kind !== 'recurring' || Object.keys(f.ranked.due).length > 1,
        )
      : read;
    // Only firm deadlines split a request; a condition or "one of the next sessions" does not.
    const distinct = found.filter(
      (f, i) =>
        f.ranked.due.kind !== 'none' &&
        f.ranked.due.kind !== 'event' &&
        found.findIndex((g) => sameDue(g.ranked.due, f.ranked.due)) === i,
    );
    // "wird beauftragt, a) bis … zu prüfen, b) sich … einzusetzen, c) im zweiten Quartal … zu
    // berichten": where the items of a list have times of their own, each item is a task of its
    // own, an item without a time too (with a single time, it is the whole list's).
    const items = distinct.length > 1 ? listItems(cut) : undefined;
    if (items)
      return items.map((text) => ({
        text,
        deadline: withDoubt(rankedDeadline(text, ctx)),
        listed: true as const,
      }));
    if (distinct.length > 1)
      return distinct.map((f) => ({
        text: f.text,
        deadline: withDoubt(f.ranked),
      }));
    // Otherwise the clause's deadline: the best phrase of its parts, as for the whole clause.
    const best = found.reduce((a, b) => (b.ranked.rank < a.ranked.rank ? b : a));
    deadline = withDoubt(best.ranked);
  } else {
    deadline = parseDeadline(plain, ctx);
  }
  const session = deadline.due.kind === 'none' ? THIS_SESSION.exec(plain) : null;
  if ((deadline.due.kind === 'none' && ANAPHORIC_TIME.test(plain)) || session) {
    // "bis dahin", "zum gleichen Termin": the time the decision named last; "vier Wochen vor
    // dieser Sitzung": the session it named last.
    for (const text of [...state.earlier].reverse()) {
      const earlier = parseDeadline(text, ctx);
      if (session ? earlier.due.kind === 'meeting' : earlier.due.kind !== 'none') {
        return [
          {
            deadline: { ...earlier, text: session ? session[0] : 'bis dahin' },
            text: plain,
            borrowed: true,
          },
        ];
      }
    }
  }
  // "Der Punkt wird vertagt und soll in der nächsten Sitzung behandelt werden. Hierzu soll Herr X
  // vortragen": the time of the sentence just before.
  if (deadline.due.kind === 'none' && /^(?:Hierzu|Dazu)\s/.test(plain)) {
    const before = state.earlier[state.earlier.length - 1];
    const earlier = before ? parseDeadline(before, ctx) : undefined;
    if (earlier && (earlier.due.kind === 'meeting' || earlier.due.kind === 'event'))
      return [{ deadline: { ...earlier, text: 'hierzu' }, text: plain, borrowed: true }];
  }
  return [{ deadline, text: plain }];
}

/** A part's reading without its rank, keeping whether its phrase was fully understood. */
function withDoubt(ranked: ParsedDeadline): ParsedDeadline {
  return { due: ranked.due, text: ranked.text, ...(ranked.unclear ? { unclear: true } : {}) };
}

/** "spätestens vier Wochen vor dieser Sitzung", "zu dieser Sitzung": a session named before. */
const THIS_SESSION =
  /(?<![\p{L}-])(?:(?:spätestens\s+)?\S+\s+(?:Wochen|Tage|Monate)\s+)?(?:vor|zu|bis\s+zu)\s+dieser\s+Sitzung(?![\p{L}-])/u;
const ANAPHORIC_TIME =
  /(?<![\p{L}-])(?:bis\s+dahin|zum\s+(?:gleichen|selben)\s+(?:Termin|Zeitpunkt)|zu\s+diesem\s+(?:Termin|Zeitpunkt))(?![\p{L}-])/iu;

/**
 * "... vorzulegen und ... zu finalisieren", "a) bis … zu benennen, b) bis … zu melden", "1. bis …
 * vorzulegen, 2. bis … zu prüfen": the tasks of a request, at each "und" or list item after an
 * infinitive.
 */
function infinitiveParts(clause: string): Array<{ text: string; listed: boolean }> {
  if (!clause.includes(' und ') && !clause.includes(' sowie ') && !TASK_ITEM.test(clause))
    return [{ text: clause, listed: false }];
  const parts: Array<{ text: string; listed: boolean }> = [];
  let listed = false;
  let from = 0;
  for (const cut of clause.matchAll(TASK_CUT)) {
    const at = cut.index as number;
    if (at < from) continue;
    const before = clause.slice(Math.max(from, at - 40), at);
    // "einen Zwischenbericht bis zum 30.06.2025 sowie den Abschlussbericht bis zum 31.12.2025
    // vorzulegen": two things to deliver, each with its time.
    const timedObject =
      TIME_BEFORE.test(before) &&
      /^(?:,?\s+(?:und|sowie)\s+)$/.test(cut[0]) &&
      OWN_TIME_AFTER.test(clause.slice(at + cut[0].length));
    if (/(?:zu\p{L}{2,}en|zu\s+\p{L}+en)$/u.test(before) || timedObject) {
      parts.push({ text: clause.slice(from, at), listed });
      listed =
        !/^,?\s+(?:und|sowie)\s+$/.test(cut[0]) ||
        /^\(?(?:[b-h]\)|[2-9][.)])\s/.test(clause.slice(at + cut[0].length));
      from = at + cut[0].length;
    }
  }
  parts.push({ text: clause.slice(from), listed });
  return parts.filter((p) => p.text.trim() !== '');
}

/**
 * The tasks of a request given as a list ("a) …, b) …", "(1) …, (2) …"): the text before the
 * first cut and each listed item with the "und" parts that follow it; undefined where the request
 * lists fewer than two tasks.
 */
function listItems(parts: Array<{ text: string; listed: boolean }>): string[] | undefined {
  if (parts.filter((p) => p.listed).length === 0) return undefined;
  const items: string[] = [];
  for (const [i, part] of parts.entries()) {
    if (i === 0 || part.listed) items.push(part.text);
    else items[items.length - 1] += ` und ${part.text}`;
  }
  return items.length > 1 ? items : undefined;
}

/** A time that ends an object: "… bis zum 30.06.2025", "… zur 38. Sitzung". */
const TIME_BEFORE =
  /(?<![\p{L}-])(?:bis|zum|zur)\s+(?:(?:zum|zur)\s+)?(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})?|\d{1,3}\.\s*\p{L}*[Ss]itzung|Ende\s+\S+|\p{L}+\s+(?:19|20)\d\d)$/u;
/** The next object with a time of its own: "den Abschlussbericht bis zum 31.12.2025 vorzulegen". */
const OWN_TIME_AFTER =
  /^(?:den|die|das|einen|eine|ein|dem|der)\s[^,;]{1,80}?(?<![\p{L}-])(?:bis|zum|zur)\s/u;
/** A task's own list item after the first: ", b) bis …", "; - bis …". */
const TASK_ITEM = /[,;]?\s(?:\(?[b-h]\)|\(?[2-9][.)]|[-–•])\s/u;
/** Where a request's tasks part: " und ", or a list item. */
const TASK_CUT = /,?\s+(?:und|sowie)\s+|[,;]?\s+(?:\(?[b-h]\)|\(?[2-9][.)]|[-–•])\s+/gu;

/**
 * ", der seine Arbeit im Januar 2017 aufnimmt": what a relative clause dates is its noun's. One
 * that ends in an infinitive with "zu" is the task itself, opened by an article (", die mit
 * Priorität 1 bewerteten Spielplätze bis zum 30.06.2026 zu erneuern"): a relative clause ends in
 * its finite verb.
 */
function withoutRelativeClauses(clause: string): string {
  return clause.replace(RELATIVE_CLAUSE, (relative) =>
    ZU_INFINITIVE_END.test(relative) ? relative : '',
  );
}

const ZU_INFINITIVE_END = /(?:\szu\s+\p{Ll}+|\p{Ll}zu\p{Ll}{2,})(?:en|ern|eln)\s*[.!]?\s*$/u;

/** ", nach der die Ortsvorsteher … jährlich berichten": a relative clause after a preposition. */
const RELATIVE_AFTER_PREPOSITION =
  /,\s*(?:nach|in|mit|bei|für|von|durch|über|an|auf|aus|gemäß)\s+(?:der|dem|denen|welche[mr]?)\s/u;
/** ", der seine Arbeit ... aufnimmt": a relative pronoun, then no noun but a function word. */
const RELATIVE_CLAUSE =
  /,\s*(?:(?:nach|in|mit|bei|für|von|durch|über|an|auf|aus|gemäß)\s+(?:der|dem|denen|welche[mr]?)|der|die|das|welche[rs]?)\s+(?=(?:seine|ihre|sich|in|im|mit|von|vom|zur|zum|bei|beim|auf|für|nach|an|am|als|bereits|noch|nicht|dem|den|der|die|das|ein|eine|einen|es|sie|er|derzeit|jeweils|ab|bis)\s)[^,]*(?=,|$)/gu;
