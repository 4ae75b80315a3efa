import type {
  CalendarSession,
  ExtractedMandate,
  MeetingRef,
  PossibleMiss,
} from '../extraction.types';
import { lineAt, tidy, type PointText } from '../document/decision-points';
import type { BodySessions, ParsedResolution } from '../document/parsed-document';
import { splitSentences } from '../text/sentences';
import { parseDeadline, type DeadlineContext } from './deadline.parser';
import {
  deadlinesOf,
  deadlineDoubted,
  undatedTime,
  isDuty,
  lendsDeadline,
  ownDuty,
  sameDue,
} from './mandate-deadlines';
import { displayName, matchableText } from './mention-text';
import { BODY_HEAD, type OwnerMatcher } from './owner-matcher';
import { definedLeads, membersSetUp } from './addressee.reader';
import { promiseFirst, setUpBodies, toldInMinutes } from './actor.grammar';
import type { DecisionState } from './decision.state';
import { candidatesIn, OFFICIALS } from './request.grammar';
import { afterSemicolon } from './semicolon-clauses';
import { taskMandate } from './task-table.reader';
import { dropExempted, namedAgain, referredOwners } from './point-references';
import { applyAmendments } from './amendments';
import {
  councilsOwn,
  futureDuty,
  mayHoldTaskCue,
  NAMED_SHALL,
  SHALL_CLAUSE,
  taskCue,
} from './possible-miss.cues';
import { namesABody } from './owner-kinds';

export interface MandateContext {
  matcher: OwnerMatcher;
  calendar: CalendarSession[];
  /** Each resolution's session, in the order of the resolutions. */
  meetings: Array<MeetingRef | undefined>;
  /** Year of the document, where a decision's number and session do not give one; unknown if none. */
  year?: number;
  /**
   * The day the page dates itself by ("Sitzung des Rates vom 12.03.2025"): the decisions' day
   * where their session gives none ("innerhalb von drei Monaten" counts from it).
   */
  pageDate?: string;
  /** Short names the text gives its own deciding body ("GMK"): "zur 79. GMK" is its session. */
  ownNames?: () => string[];
  /** Another body's minutes: its next sessions as the page dates them. */
  bodySessions?: BodySessions;
}

/** The year rules read against where the text gives none (never shown: see `yearUnknown`). */
const UNKNOWN_YEAR = 2000;

const RECOMMENDATION_CUE =
  /(?:empfiehlt|empfehlen|Empfehlung|Beschlussempfehlung|Beschlussvorschlag|vorschlägt|schlägt\b[^.]*\bvor|Beschlussfassung\s+vor|folgenden\s+Beschluss|zu\s+unterbreiten)[^„“"]{0,160}$/;

/** The words of a request: a point holding one but yielding no mandate may be a miss. */
const REQUEST_WORD =
  /(?<![\p{L}-])(bittet|bitten|gebeten|beauftragt|beauftragen|betraut|ersucht|ersuchen|aufgefordert|Auftrag|(?:Prüf|Arbeits)auftrag(?=\s*(?:(?:an|für)\s[^:.]{1,80})?:)|(?:fordert|fordern)(?=[^.;]*\sauf\b)|(?:erwartet|erwarten)(?=\s+(?:von|vom|,\s*dass|(?:einen|eine|den|die)\s+[^.;]{0,60}?(?:Bericht|Vorlage|Vorschlag|Konzept|Stellungnahme|Entwurf|Sachstand)))|verpflichtet|verpflichten)(?![\p{L}-])/u;

/** Owners a decision names by the column of its task table ("die jeweils Verantwortlichen"). */
const TABLE_OWNERS = /^(?:jeweils\s+)?(?:Verantwortlich|Zuständig|Federführend)/i;

/** Finds every mandate in the points of the given decisions, and the points that may hide one. */
export function extractMandates(
  resolutions: ParsedResolution[],
  ctx: MandateContext,
): { mandates: ExtractedMandate[]; possibleMisses: PossibleMiss[] } {
  const mandates: ExtractedMandate[] = [];
  const possibleMisses: PossibleMiss[] = [];
  resolutions.forEach((resolution, i) => {
    // Draft decisions recommended to another body ask nobody on the council's behalf.
    if (resolution.recommended) return;
    // A rejected, referred or postponed decision asks nobody, but a request beside the outcome
    // ("Die Beschlussfassung wird vertagt. Die Verwaltung wird beauftragt, ...") may still hold:
    // its points are shown as possible misses rather than passed over in silence.
    // In minutes, "Die Vorsitzende stellt ... vor", "Der BfDI berichtet von ..." tell the meeting's
    // course; a participant's own statement is a task only where it names a time.
    const found = mandatesOf(resolution, ctx.meetings[i], ctx).filter(
      (m) => !(resolution.minutes && !resolution.settled && toldInMinutes(m)),
    );
    if (resolution.notDecided)
      for (const m of found)
        if (!m.uncertain.includes('not-decided')) m.uncertain.push('not-decided');
    for (const m of found) {
      const point = resolution.points.find((p) => p.number === m.point);
      const quoted = point !== undefined && quotedMotion(point.text, m.source);
      if ((resolution.motionOnly || quoted) && !m.uncertain.includes('motion-only'))
        m.uncertain.push('motion-only');
    }
    // "Beschluss: mehrheitlich abgelehnt" over the text: its requests were not adopted; each
    // point that asks someone is shown as a possible miss, for the clerk to judge.
    // "Die Fraktionen werden gebeten, …", "Der Ältestenrat wird gebeten, …": the council's own
    // members and organs, asked by the council: no task anyone follows up (their point, which asks
    // someone and gives no mandate, is then a possible miss for the clerk).
    const kept = resolution.notAdopted ? [] : found.filter((m) => !councilsOwn(m));
    mandates.push(...kept);
    for (const point of resolution.points) {
      // Sources are tidy already.
      const read = kept
        .filter((m) => m.point === point.number)
        .flatMap((m) => [m.source, ...(MERGED.get(m) ?? [])])
        .concat(MERGED.get(point) ?? []);
      const misses = possibleMissesIn(resolution.id, point, read, (subject) => {
        const head = subject.split(/\s+/)[0];
        const mentions = ctx.matcher.findAll(subject);
        // The council's own future ("Der IT-Planungsrat wird ...") is no one's task.
        if (mentions.some((m) => m.kind === 'council')) return false;
        return BODY_HEAD.test(head) || mentions.length > 0;
      });
      for (const miss of misses)
        possibleMisses.push(resolution.notAdopted ? { ...miss, notAdopted: true } : miss);
    }
  });
  return { mandates, possibleMisses };
}

/** Words that introduce the wording of a motion, an amendment or a recommendation, not a decision. */
const MOTION_CUE =
  /(?:Antrag|Anträge|Vorschlag|Änderungsantrag|Ergänzungsantrag|beantragt|beantragen|ergänzen|zu\s+ändern|Wortlaut|Formulierung|folgende[rn]?\s+Beschluss\s+empfohlen|empfiehlt\s[^„“"]{0,80}folgenden\s+Beschluss)[^„“"]{0,200}$/;

/**
 * "übernimmt den Vorschlag, die Ziffer 1 wie folgt zu ergänzen: „Die Behörde wird gebeten, ...“":
 * a request quoted as a motion's wording in the minutes.
 */
function quotedMotion(pointText: string, source: string): boolean {
  if (!pointText.includes('„') && !pointText.includes('"')) return false;
  const at = matchableText(pointText).indexOf(matchableText(source).slice(0, 30));
  if (at < 0) return false;
  // Up to the request word: the quote may open before the sentence or inside it.
  const asks = REQUEST_WORD.exec(source);
  const before = pointText.slice(0, at) + source.slice(0, asks ? asks.index : 0);
  const open = Math.max(before.lastIndexOf('„'), before.lastIndexOf('"'));
  if (open < 0 || before.slice(open + 1).includes('“')) return false;
  return MOTION_CUE.test(before.slice(0, open));
}

/**
 * The sentences of a point that ask someone in words the grammar did not read as a mandate: in a
 * point without any mandate, and beside the mandates read in it ("Außerdem soll die Verwaltung").
 */
function possibleMissesIn(
  resolution: string,
  point: PointText,
  read: string[],
  isActor: (subject: string) => boolean,
): PossibleMiss[] {
  const duties = DUTIES.get(point) ?? [];
  // Most points hold no request word at all: nothing to look at sentence by sentence.
  if (
    duties.length === 0 &&
    !REQUEST_WORD.test(point.text) &&
    (read.length > 0 ||
      (!/\b(?:soll|sollen|muss|müssen|wird|werden)\b/.test(point.text) &&
        !mayHoldTaskCue(point.text)))
  )
    return [];
  const out: PossibleMiss[] = [];
  for (const sentence of sentencesOf(point)) {
    // Beside a mandate read, only a request word counts: "soll" sentences there mostly say more
    // about the mandate ("Die Teilnehmer sollen ... bis zur 10. Sitzung vorlegen").
    const shall = read.length === 0 ? NAMED_SHALL.exec(sentence.text) : null;
    const cue =
      REQUEST_WORD.exec(sentence.text) ??
      (read.length === 0 ? SHALL_CLAUSE.exec(sentence.text) : null) ??
      (shall && isActor(shall[1]) && (!/^w/.test(shall[2]) || futureDuty(sentence.text))
        ? shall
        : null) ??
      (read.length === 0 ? taskCue(sentence.text, isActor) : null);
    const written = tidy(point.text.slice(sentence.offset, sentence.offset + sentence.text.length));
    // An impersonal duty with a time of its own beside the point's mandate (see `ownDuty`).
    const duty = duties.includes(written)
      ? /((?:zu\s+)?\p{Ll}+)\s*[.!]?\s*$/u.exec(sentence.text)
      : null;
    const word = cue === shall && shall ? { index: shall.index, 1: shall[2] } : (cue ?? duty);
    if (!word) continue;
    // A sentence a mandate was read from (or that holds one) is no miss.
    if (!duty && read.some((source) => overlaps(source, written))) continue;
    out.push({
      resolution,
      point: point.number,
      line: lineAt(point, sentence.offset + word.index),
      word: word[1],
      sentence: written,
    });
    // One per point where nothing was read: the clerk opens the point anyway.
    if (read.length === 0) break;
  }
  return out;
}

/** A point's sentences, recommendations quoted for another body blanked; read once per point. */
const SENTENCES = new WeakMap<PointText, ReturnType<typeof splitSentences>>();
function sentencesOf(point: PointText): ReturnType<typeof splitSentences> {
  let sentences = SENTENCES.get(point);
  if (!sentences) {
    sentences = splitSentences(
      maskRecommendations(point.text),
      point.lineMap.map(([at]) => at),
    );
    SENTENCES.set(point, sentences);
  }
  return sentences;
}

/** Whether a mandate's source and a sentence share their words (one holds the other's start). */
function overlaps(source: string, sentence: string): boolean {
  const head = (text: string) => text.slice(0, 40);
  return sentence.includes(head(source)) || source.includes(head(sentence));
}

/** Stands for a deciding body the text does not name: its sessions are not the council's. */
const OTHER_BODY = 'Konferenz';
/** "Die Ministerinnen und Minister … bitten", "Die Konferenz beauftragt", "Die GMK bittet". */
const OTHER_DECIDER = new RegExp(
  String.raw`(?:^|[.:;]\s+|\n|-\s+)(?:Die|Der)\s+(?:${OFFICIALS}\b|[\p{L}-]*[Kk]onferenz\s+(?:bittet|beauftragt|fordert|ersucht|beschließt|stellt|hält|begrüßt|nimmt)|\p{Lu}{2,6}\s+(?:bittet|beauftragt|fordert|ersucht|beschließt))`,
  'u',
);

/**
 * A decision of another body (a ministers' conference) that the text does not head as such: its
 * deciders are officials or a conference, and the council is named nowhere in it.
 */
function decidedElsewhere(resolution: ParsedResolution, matcher: OwnerMatcher): boolean {
  const text = resolution.points.map((p) => p.text).join('\n');
  // The council by one of its names (most decisions): no need to read further.
  if (matcher.councilAliases.some((alias) => text.includes(alias))) return false;
  if (!OTHER_DECIDER.test(text)) return false;
  return !matcher.findAll(`${resolution.title ?? ''}\n${text}`).some((m) => m.kind === 'council');
}

/** The session "nächste Sitzung" counts from: the decision's, or the one before a special session. */
function deadlineBase(
  meeting: MeetingRef | undefined,
  calendar: CalendarSession[],
): number | undefined {
  if (!meeting || meeting.body) return undefined;
  if (meeting.number !== undefined) return meeting.number;
  if (!meeting.date) return undefined;
  const date = meeting.date;
  const next = calendar
    .filter((s) => !s.cancelled && s.date > date)
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  if (next) return next.number - 1;
  // After the last session the calendar dates: that one was the last held.
  const held = calendar.filter((s) => !s.cancelled && s.date !== '' && s.date <= date);
  return held.length > 0 ? Math.max(...held.map((s) => s.number)) : undefined;
}

function mandatesOf(
  resolution: ParsedResolution,
  meeting: MeetingRef | undefined,
  ctx: MandateContext,
): ExtractedMandate[] {
  const stated = Number(
    /^(?:B-)?(\d{4})/.exec(resolution.id)?.[1] ?? meeting?.date?.slice(0, 4) ?? ctx.year,
  );
  // No year anywhere: the rules read against a stand-in, and a reading that hangs on it is dropped.
  const year = stated || UNKNOWN_YEAR;
  let aliases: string[] | undefined;
  let elsewhere: boolean | undefined;
  const deadlines: DeadlineContext = {
    // A decision by circulation dated only by its page ("Vom 10. September 2025"): that day.
    meeting: deadlineBase(
      meeting && !meeting.date && ctx.pageDate ? { ...meeting, date: ctx.pageDate } : meeting,
      ctx.calendar,
    ),
    decidedOn: meeting?.date ?? ctx.pageDate,
    // Another body's decision: its sessions are not the council's (read lazily: most clauses
    // name no session).
    get body() {
      if (meeting?.body) return meeting.body;
      elsewhere ??= decidedElsewhere(resolution, ctx.matcher);
      return elsewhere ? OTHER_BODY : undefined;
    },
    year,
    ...(stated ? {} : { yearUnknown: true }),
    // Another body's sessions, or a council's outside the calendar: the days the page gives them.
    ...((meeting?.body || meeting?.number === undefined) && ctx.bodySessions
      ? { bodySessions: ctx.bodySessions }
      : {}),
    calendar: ctx.calendar,
    // The council's names, and the short names the text gives its own body (read once, lazily:
    // most clauses name no session of a body by its short name).
    get councilAliases() {
      return (aliases ??= [...ctx.matcher.councilAliases, ...(ctx.ownNames?.() ?? [])]);
    },
  };
  const out: ExtractedMandate[] = [];
  const state: DecisionState = {
    context: matchableText(resolution.title ?? ''),
    leads: [],
    lastOwners: [],
    earlier: [],
    setUp: [],
    lastParties: [],
    title: tidy((resolution.title ?? '').replace(/[„“”"]/g, '')),
    body: resolution.body,
  };
  const lastPoint = resolution.points[resolution.points.length - 1];
  const tabled = resolution.points.some((p) => p.task);

  for (const point of resolution.points) {
    if (point.task) {
      out.push(taskMandate(resolution.id, point, ctx.matcher, deadlines));
      continue;
    }
    state.point = point;
    const inPoint: ExtractedMandate[] = [];
    for (const sentence of sentencesOf(point)) {
      const original = point.text.slice(sentence.offset, sentence.offset + sentence.text.length);
      const text = matchableText(sentence.text);
      const cutOff =
        resolution.incomplete === true &&
        point === lastPoint &&
        sentence.offset + sentence.text.length >= point.text.trimEnd().length - 1 &&
        // A sentence that ends as sentences do was not cut, whatever follows it.
        !/[.!?]["“”]?\s*$/.test(original);
      state.prefix = undefined;
      state.cutOff = cutOff;
      state.pointHasMandate = inPoint.length > 0;
      // "Auf Nachfrage sagt Bürgermeisterin Kessler zu, …": read as "Die Bürgermeisterin sagt zu".
      const candidates = candidatesIn(promiseFirst(text) ?? text, ctx.matcher, state);
      candidates.push(...afterSemicolon(text, candidates, ctx.matcher, state));
      // "Die in Ziffer 1 genannten Länder werden gebeten": those Länder, not all of them.
      const referred = referredOwners(text, resolution, ctx.matcher);
      for (const c of candidates)
        if (referred.length > 0 && referred.every((o) => c.owners.includes(o))) c.owners = referred;
      state.setUp.push(...setUpBodies(text));
      const members = membersSetUp(text, ctx.matcher);
      if (members) (state.members ??= []).push(members);
      if (candidates.length === 0) {
        // "In der 38. Sitzung soll berichtet werden." only adds a deadline to the point's mandate;
        // a point that opens with it names the thing the point before asked for ("2. … ein Konzept
        // zu erarbeiten. 3. Das Konzept ist zur 48. Sitzung vorzulegen.").
        const previous =
          inPoint[inPoint.length - 1] ??
          (sentence.offset === 0 ? namedAgain(out[out.length - 1], point.number, text) : undefined);
        if (previous) dropExempted(previous, text, ctx.matcher);
        const time =
          previous && (previous.due.kind === 'none' || isDuty(text)) && lendsDeadline(text)
            ? parseDeadline(text, deadlines)
            : undefined;
        // "Über den Fortschritt ist dem Ausschuss vierteljährlich zu berichten" beside a mandate
        // with a time of its own: a further duty that names no one, for the clerk to judge.
        if (time && previous && previous.due.kind !== 'none') {
          if (ownDuty(text, time.due, previous.due))
            DUTIES.set(point, [...(DUTIES.get(point) ?? []), tidy(original)]);
        } else if (time && time.due.kind !== 'none' && previous) {
          previous.due = time.due;
          previous.dueText = time.text;
          previous.uncertain = [
            ...previous.uncertain.filter((u) => u !== 'deadline-unclear'),
            'deadline-borrowed',
          ];
        }
      }
      // Most sentences ask nobody: their tidy source and line are only read for a mandate.
      const source = candidates.length > 0 ? tidy(original) : '';
      const line = candidates.length > 0 ? lineAt(point, sentence.offset) : 0;
      for (const candidate of candidates) {
        for (const part of deadlinesOf(candidate.clause, deadlines, state)) {
          const uncertain = [...candidate.uncertain];
          if (deadlineDoubted(part.deadline, part.text, deadlines.decidedOn))
            uncertain.push('deadline-unclear');
          else if (undatedTime(part.deadline, part.text)) uncertain.push('deadline-undated');
          if (part.borrowed) uncertain.push('deadline-borrowed');
          if (cutOff || /\[TRUNCATED\]/.test(original)) uncertain.push('cut-off');
          const mandate: ExtractedMandate = {
            resolution: resolution.id,
            point: point.number,
            owners: candidate.owners.map(displayName),
            partners: candidate.partners
              .map(displayName)
              .filter((p) => !candidate.owners.includes(p)),
            action: displayName(candidate.action),
            due: part.deadline.due,
            dueText: part.deadline.text,
            source,
            line,
            basis: candidate.basis,
            basisText: candidate.basisText,
            uncertain: [...new Set(uncertain)],
            newOwners: [],
          };
          mandate.newOwners = mandate.owners.filter((o) => !ctx.matcher.isKnownOwner(o));
          if (mandate.newOwners.some((o) => !namesABody(o)))
            mandate.uncertain.push('owner-unknown');
          merge(inPoint, mandate, part.listed);
        }
        if (candidate.owners.length > 0) {
          state.lastOwners = candidate.owners;
          state.lastParties = [...new Set([...candidate.owners, ...candidate.partners])];
        }
      }
      const defined = definedLeads(text, ctx.matcher);
      if (defined.length > 0) state.leads = defined;
      state.earlier.push(text);
      state.context = `${state.context} ${text}`;
    }
    // "Die jeweils Verantwortlichen werden gebeten, …": those of the table's rows, read there.
    const byTable = (m: ExtractedMandate) => tabled && m.owners.every((o) => TABLE_OWNERS.test(o));
    for (const m of inPoint.filter(byTable))
      MERGED.set(point, [...(MERGED.get(point) ?? []), m.source]);
    out.push(
      ...inPoint.filter(
        (m) => (m.owners.length > 0 || m.uncertain.includes('no-owner')) && !byTable(m),
      ),
    );
  }
  return applyAmendments(resolution, out, deadlines);
}

/**
 * Further sentences a mandate was read from, merged into it, or a point's sentences read through
 * its table: no possible misses.
 */
const MERGED = new WeakMap<ExtractedMandate | PointText, string[]>();
/** A point's impersonal duties with a time of their own beside its mandate (see `ownDuty`). */
const DUTIES = new WeakMap<PointText, string[]>();

/**
 * One mandate per point, owners and deadline: a second request to the same owners with the same
 * deadline, or with none of its own ("Sie teilen ... mit"), continues the first; a listed task
 * without a time ("b) sich … einzusetzen") is a task of its own.
 */
function merge(inPoint: ExtractedMandate[], mandate: ExtractedMandate, listed?: true): void {
  const same = inPoint.find(
    (m) =>
      sameOwners(m.owners, mandate.owners) &&
      (sameDue(m.due, mandate.due) || (mandate.due.kind === 'none' && !listed)),
  );
  if (!same) {
    inPoint.push(mandate);
    return;
  }
  // A sentence merged without a doubt of its own is read; one whose doubt the merge drops ("Für
  // die Umsetzung wird gebeten, …": whom, a guess) stays a possible miss, so the doubt is seen.
  if (mandate.source !== same.source && mandate.uncertain.every((u) => same.uncertain.includes(u)))
    MERGED.set(same, [...(MERGED.get(same) ?? []), mandate.source]);
  if (!same.action.includes(mandate.action)) same.action = `${same.action}; ${mandate.action}`;
  for (const partner of mandate.partners)
    if (!same.partners.includes(partner)) same.partners.push(partner);
}

/**
 * Quoted text the council recommends another body to adopt holds no mandate of the council: it
 * is blanked (same length, so offsets stay) where a recommendation introduces it.
 */
function maskRecommendations(text: string): string {
  let out = text;
  const quote = /[„“"]([^„“”"]*)[“”"]/g;
  let match: RegExpExecArray | null;
  while (/[„“"]/.test(text) && (match = quote.exec(text)) !== null) {
    const inner = match[1];
    if (inner.trim().split(/\s+/).length <= 5) continue;
    if (!RECOMMENDATION_CUE.test(text.slice(Math.max(0, match.index - 200), match.index))) continue;
    out = blank(out, match.index + 1, match.index + 1 + inner.length);
  }
  // "plant in seiner 26. Sitzung die folgenden Beschlüsse zu fassen: • ..." (a list, no quotes).
  const list = out.includes(':') ? LIST_CUE.exec(out) : null;
  if (list) {
    const from = list.index + list[0].length;
    if (!/^\s*[„“"]/.test(out.slice(from))) out = blank(out, from, out.length);
  }
  return out;
}

/** Blanks text[from, to) but a final sentence end, so offsets and sentences stay. */
function blank(text: string, from: number, to: number): string {
  const inner = text.slice(from, to);
  const end = /[.!?]\s*$/.exec(inner);
  const kept = end ? inner.length - end[0].length : inner.length;
  return (
    text.slice(0, from) +
    inner.slice(0, kept).replace(/[^\n]/g, ' ') +
    inner.slice(kept) +
    text.slice(to)
  );
}

/** A list of decisions the council plans, or recommends another body, to take. */
const LIST_CUE =
  /(?:empfiehlt|empfehlen|plant|beabsichtigt|vorschlägt|schlägt\b[^:.]*\bvor|Beschlussempfehlung\s+zu\s+unterbreiten|Beschlüsse?\s+zu\s+fassen)[^:.]{0,80}:(?=\s)/;

function sameOwners(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((owner) => b.includes(owner));
}
