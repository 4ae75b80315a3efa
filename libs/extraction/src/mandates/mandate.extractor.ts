import type {
  CalendarSession,
  Due,
  ExtractedMandate,
  MandateBasis,
  MeetingRef,
  UncertainReason,
} from '../extraction.types';
import { lineAt, tidy, type PointText } from '../document/decision-points';
import type { ParsedResolution } from '../document/parsed-document';
import { splitSentences } from '../text/sentences';
import {
  parseDeadline,
  rankedDeadline,
  type DeadlineContext,
  type ParsedDeadline,
} from './deadline.parser';
import {
  BODY_HEAD,
  displayName,
  matchableText,
  readUnknownName,
  type OwnerMatcher,
  type UnknownName,
} from './owner-matcher';

export interface MandateContext {
  matcher: OwnerMatcher;
  calendar: CalendarSession[];
  /** Each resolution's session, in the order of the resolutions. */
  meetings: Array<MeetingRef | undefined>;
  /** Year of the document, where a decision's number and session do not give one. */
  year: number;
}

interface Candidate {
  owners: string[];
  partners: string[];
  action: string;
  /** The words the deadline is read from. */
  clause: string;
  basis: MandateBasis;
  basisText: string;
  uncertain: UncertainReason[];
}

/** The council (or the deciding body) asks or commissions someone. */
const ACTIVE =
  /(?<![\p{L}-])(bittet|bitten|beauftragt|beauftragen|ersucht|ersuchen|fordert|fordern|lädt|laden)(?![\p{L}-])/gu;
const PASSIVE =
  /(?<![\p{L}-])(?:wird|werden)(?![\p{L}-])(.{0,400}?)(?<![\p{L}-])(gebeten|beauftragt|aufgefordert|ersucht|eingeladen)(?![\p{L}-])/u;
/** "..., die ... beauftragt wird": the relative clause's antecedent is asked. */
const RELATIVE_PASSIVE =
  /,\s*(?:die|der|das|welche[rs]?)\s+(.{0,400}?)(?<![\p{L}-])(gebeten|beauftragt|aufgefordert|ersucht)\s+(?:wird|werden)(?![\p{L}-])/u;
const PARTICIPLE = /gebeten|beauftragt|aufgefordert|ersucht|eingeladen/;
const DECIDED_REQUEST =
  /(?<![\p{L}-])(?:beschlossen|beschließt|beschließen),?\s+(\S.{1,120}?)\s+zu\s+(ersuchen|bitten|beauftragen)(?![\p{L}-])/u;
/** "erteilen dem SpA den Prüfauftrag", "X hat den Auftrag, ...". */
const COMMISSION_GIVEN =
  /(?<![\p{L}-])(?:erteilt|erteilen)\s+(.{1,160}?)\s+(?:den|einen)\s+(?:[\p{L}-]*[Aa]uftrag)(?![\p{L}])/u;
const COMMISSION_HELD =
  /(?<![\p{L}-])(?:hat|haben|erhält|erhalten)\s+(?:den|einen)\s+(?:[\p{L}-]*[Aa]uftrag)(?![\p{L}])/u;
const LEADING_ADVERBS =
  /^(?:(?:zudem|ferner|außerdem|weiterhin|darüber hinaus|des weiteren|hierzu|dazu|dabei|hierfür|zugleich|ebenso|daher|deshalb|insbesondere|ausdrücklich|erneut|nochmals|zusätzlich|gleichzeitig|ergänzend|darüber\s+hinaus|er|auch|somit|deswegen|jeweils),?\s+)+/i;
/** A sentence that opens with an adverbial, so its subject follows the verb ("In 2018 wird Thüringen ..."). */
const ADVERBIAL_START =
  /^(?:In|Im|Bis|Ab|Als|Ergänzend|Entsprechend|Darüber|Dazu|Hierzu|Hierfür|Hierbei|Daneben|Parallel|Gleichzeitig|Zugleich|Ebenso|Zudem|Ferner|Außerdem|Weiterhin|Darauf|Daher|Deshalb|Auf|Mit|Für|Zur|Zum|Nach|Nachdem|Vor|Bevor|Bei|Unter|Gemäß|Um|Anschließend|Zunächst|Künftig|Zukünftig|Spätestens|Jährlich|Sobald|Soweit|Sofern|Wenn|Während|Seitens|Vorbehaltlich|Bezüglich|Hinsichtlich|Aufgrund|Angesichts|Wegen|Trotz|Zwecks|Infolge|Halbjährlich|Vierteljährlich|Monatlich|Quartalsweise|Regelmäßig|Jeweils|Danach|Daraufhin|Daran|Dafür|Darüber)\b/;
/** A named actor's own duty ("Sachsen und FITKO berichten ...", "Die FITKO legt ... vor"). */
const ACTOR_VERB =
  /^(?:sich\s+)?(?:berichtet|berichten|legt|legen|stellt(?!\s+fest)|stellen(?!\s+fest)|erarbeitet|erarbeiten|erstellt|erstellen|prüft|prüfen|übermittelt|übermitteln|unterrichtet|unterrichten|informiert|informieren|entwickelt|entwickeln|setzt|setzen|führt|führen|koordiniert|koordinieren|sorgt|sorgen|veranlasst|veranlassen|bereitet|bereiten|organisiert|organisieren|evaluiert|evaluieren|überarbeitet|überarbeiten|aktualisiert|aktualisieren|unterbreitet|unterbreiten|schlägt|schlagen|richtet|richten|gewährleistet|gewährleisten|erhebt|erheben|benennt|benennen|ernennt|ernennen|leitet|leiten|meldet|melden|schafft|schaffen|treibt|treiben|teilt|teilen|veranstaltet|veranstalten|(?:trägt|tragen)\s+(?:dafür\s+)?Sorge|sichert|sichern|verpflichtet\s+sich|verpflichten\s+sich|wirkt|wirken|stimmt\s+sich|stimmen\s+sich|definiert|definieren|bringt|bringen|(?:hat|haben)\s+sich\s+(?:.{0,80}?\s)?(?:verständigt|verpflichtet|geeinigt))(?![\p{L}-])/u;
const FUTURE_DUTY =
  /^(?:wird|werden)\b.*\b(?:berichten|vorlegen|vorstellen|erarbeiten|erstellen|prüfen|übermitteln|informieren|unterrichten|entwickeln|umsetzen|bereitstellen|sicherstellen|koordinieren|durchführen|fortführen|überarbeiten|aktualisieren|benennen|melden|veranstalten|ausrichten|einrichten|vorbereiten)\s*[.]?$/u;
const PARTNER_MARKER =
  /(?<![\p{L}-])(?:in\s+Zusammenarbeit\s+mit|in\s+Abstimmung\s+mit|im\s+Benehmen\s+mit|im\s+Einvernehmen\s+mit|gemeinsam\s+mit|zusammen\s+mit|unter\s+(?:Beteiligung|Einbindung|Mitwirkung|Einbeziehung)\s+(?:von|der|des)?|mit\s+Unterstützung\s+(?:von|der|des|durch)?|(?:und\s+)?Mitarbeit\s+(?:von|der|des)?|mit)\s+/gu;
/** Words of which every partner marker has one (speed). */
const PARTNER_HINT =
  /mit\s|Beteiligung|Einbindung|Mitwirkung|Einbeziehung|Mitarbeit|einzu|beteiligen|hinzuzuziehen/;
const INVOLVE =
  /(?<![\p{L}-])(?:einzuladen|einzubinden|einzubeziehen|zu\s+beteiligen|hinzuzuziehen)(?![\p{L}-])/u;
const DEFINED_LEADS =
  /^(?:[Dd]ie|[Dd]en|[Dd]er)\s+(?:Federführer|federführenden\s+(?:Länder|Stellen|Partner))(?![\p{L}-])/u;
const HEAD_ABBREVIATIONS: Record<string, string> = {
  Arbeitsgruppe: 'AG',
  Projektgruppe: 'PG',
  Koordinierungsgruppe: 'KG',
  Arbeitskreis: 'AK',
};
/** Groups set up for a task, named after it where the text gives no name ("die Arbeitsgruppe"). */
const TASK_GROUP = /(?:gruppe|^AG|^PG)$/;
const PRONOUN = /^(sie|ihn|es|diese|diesen|dieses)(?![\p{L}-])/u;
/** Bodies of which gender, for "ihn" (masculine) and "sie" (feminine or plural). */
const MASCULINE = /(?:kreis|stab|ausschuss|rat|beirat|vorsitz|verbund|beauftragter|AK|Bund)$/;
const NEUTER =
  /(?:gremium|projekt|programm|amt|team|büro|zentrum|netzwerk|ministerium|management|Land)$/;
/** Deadline words the rules did not read: the reviewer should look. */
const UNCLEAR_DEADLINE =
  /(?<![\p{L}-])(?:zeitnah|umgehend|schnellstmöglich|baldmöglichst|kurzfristig|rechtzeitig|zu\s+gegebener\s+Zeit|bis\s+(?:zum|zur|spätestens|Ende|Mitte|Anfang))(?![\p{L}-])/iu;
const RECOMMENDATION_CUE =
  /(?:empfiehlt|empfehlen|Empfehlung|Beschlussempfehlung|Beschlussvorschlag|vorschlägt|schlägt\b[^.]*\bvor|Beschlussfassung\s+vor|folgenden\s+Beschluss|zu\s+unterbreiten)[^„“"]{0,160}$/;
const DECIDING_WORDS = /(?:rat|ausschuss|tag|runde|konferenz|versammlung|kommission)\b/i;

/** Finds every mandate in the points of the given decisions. */
export function extractMandates(
  resolutions: ParsedResolution[],
  ctx: MandateContext,
): ExtractedMandate[] {
  return resolutions.flatMap((resolution, i) =>
    resolution.notDecided ? [] : mandatesOf(resolution, ctx.meetings[i], ctx),
  );
}

interface DecisionState {
  /** Title and text read before this sentence, for "das Koordinierungsprojekt" and the like. */
  context: string;
  /** Owners the decision itself named as leads ("die Federführer"). */
  leads: string[];
  /** Owners of the mandate before, for "Er bittet sie ...". */
  lastOwners: string[];
  /** The sentences read before, for "bis dahin" (the last time one of them names). */
  earlier: string[];
  /** The decision's title as written, to name "die Arbeitsgruppe" it sets up. */
  title: string;
  /** Names of the council's deciding body for this decision (its AL-Runde). */
  body?: string;
  point?: PointText;
  /** The sentence being read, for pronouns in it ("errichtet einen Kreis und beauftragt ihn"). */
  prefix?: string;
  /** Bodies the decision sets up ("richten ... eine Transformationseinheit ein"): what they do is their remit. */
  setUp: string[];
  /** The sentence being read is cut off by the end of the text. */
  cutOff?: boolean;
  /** A mandate was found earlier in the point being read. */
  pointHasMandate?: boolean;
  /** Owners and partners of the mandate before, for "beide Berichterstatter". */
  lastParties: string[];
}

/** The session "nächste Sitzung" counts from: the decision's, or the one before a special session. */
function deadlineBase(
  meeting: MeetingRef | undefined,
  calendar: CalendarSession[],
): number | undefined {
  if (!meeting || meeting.body) return undefined;
  if (meeting.number !== undefined) return meeting.number;
  if (!meeting.date) return undefined;
  const next = calendar
    .filter((s) => !s.cancelled && s.date > (meeting.date as string))
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  return next ? next.number - 1 : undefined;
}

function mandatesOf(
  resolution: ParsedResolution,
  meeting: MeetingRef | undefined,
  ctx: MandateContext,
): ExtractedMandate[] {
  const year = Number(
    /^(?:B-)?(\d{4})/.exec(resolution.id)?.[1] ?? meeting?.date?.slice(0, 4) ?? ctx.year,
  );
  const deadlines: DeadlineContext = {
    meeting: deadlineBase(meeting, ctx.calendar),
    decidedOn: meeting?.date,
    year,
    calendar: ctx.calendar,
    councilAliases: ctx.matcher.councilAliases,
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

  for (const point of resolution.points) {
    state.point = point;
    const inPoint: ExtractedMandate[] = [];
    const masked = maskRecommendations(point.text);
    for (const sentence of splitSentences(masked)) {
      const original = point.text.slice(sentence.offset, sentence.offset + sentence.text.length);
      const text = matchableText(sentence.text);
      const source = tidy(original);
      const line = lineAt(point, sentence.offset);
      const cutOff =
        resolution.incomplete === true &&
        point === lastPoint &&
        sentence.offset + sentence.text.length >= point.text.trimEnd().length - 1;
      state.prefix = undefined;
      state.cutOff = cutOff;
      state.pointHasMandate = inPoint.length > 0;
      const candidates = candidatesIn(text, ctx.matcher, state);
      state.setUp.push(...setUpBodies(text));
      if (candidates.length === 0) {
        // "In der 38. Sitzung soll berichtet werden." only adds a deadline to the point's mandate.
        const previous = inPoint[inPoint.length - 1];
        const time =
          previous && previous.due.kind === 'none' && lendsDeadline(text)
            ? parseDeadline(text, deadlines)
            : undefined;
        if (time && time.due.kind !== 'none' && previous) {
          previous.due = time.due;
          previous.dueText = time.text;
          previous.uncertain = previous.uncertain.filter((u) => u !== 'deadline-unclear');
        }
      }
      for (const candidate of candidates) {
        for (const part of deadlinesOf(candidate.clause, deadlines, state)) {
          const uncertain = [...candidate.uncertain];
          if (part.deadline.due.kind === 'none' && UNCLEAR_DEADLINE.test(part.text))
            uncertain.push('deadline-unclear');
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
          merge(inPoint, mandate);
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
    out.push(...inPoint.filter((m) => m.owners.length > 0 || m.uncertain.includes('no-owner')));
  }
  return out;
}

/**
 * One mandate per point, owners and deadline: a second request to the same owners with the same
 * deadline, or with none of its own ("Sie teilen ... mit"), continues the first.
 */
function merge(inPoint: ExtractedMandate[], mandate: ExtractedMandate): void {
  const same = inPoint.find(
    (m) =>
      sameOwners(m.owners, mandate.owners) &&
      (sameDue(m.due, mandate.due) || mandate.due.kind === 'none'),
  );
  if (!same) {
    inPoint.push(mandate);
    return;
  }
  if (!same.action.includes(mandate.action)) same.action = `${same.action}; ${mandate.action}`;
  for (const partner of mandate.partners)
    if (!same.partners.includes(partner)) same.partners.push(partner);
}

/** A sentence without a request that only adds a time to the request before it. */
function lendsDeadline(text: string): boolean {
  // A decision of the council's own ("Der IT-Planungsrat beschließt die Kriterien, die bis 2022 ...").
  if (
    /^(?:Der\s+\S+|Er)\s+(?:beschließt|nimmt|stellt|billigt|begrüßt|stimmt|bestätigt|legt\s+fest)\b/u.test(
      text,
    )
  )
    return false;
  return (
    /\b(?:soll|sollen|ist|sind|hat|haben)\b.*\b(?:werden|erfolgen|vorzulegen|vorzusehen|zu berichten)\b|\bberichtet werden\b/.test(
      text,
    ) ||
    /(?<![\p{L}-])(?:soll|sollen|sollte|sollten)(?![\p{L}-])/u.test(text) ||
    // "Der IT-Planungsrat befasst sich mit der Freigabe in der 47. Sitzung": when the result is due.
    /^(?:Der\s+\S+|Er)\s+(?:befasst\s+sich|wird\s.*\b(?:beschließen|entscheiden|befassen)|entscheidet)\b/u.test(
      text,
    )
  );
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

function sameDue(a: Due, b: Due): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The deadline of a request; where it gives two tasks deadlines of their own ("bis zum 30.
 * November vorzulegen und ... bis zur 34. Sitzung zu finalisieren"), one per task.
 */
function deadlinesOf(
  clause: string,
  ctx: DeadlineContext,
  state: DecisionState,
): Array<{ deadline: ParsedDeadline; text: string }> {
  const plain =
    clause.includes(', d') || clause.includes(', w') ? withoutRelativeClauses(clause) : clause;
  const parts = infinitiveParts(plain);
  let deadline: ParsedDeadline;
  if (parts.length > 1) {
    const found = parts.map((text) => ({ text, ranked: rankedDeadline(text, ctx) }));
    // Only firm deadlines split a request; a condition or "one of the next sessions" does not.
    const distinct = found.filter(
      (f, i) =>
        f.ranked.due.kind !== 'none' &&
        f.ranked.due.kind !== 'event' &&
        found.findIndex((g) => sameDue(g.ranked.due, f.ranked.due)) === i,
    );
    if (distinct.length > 1)
      return distinct.map((f) => ({
        text: f.text,
        deadline: { due: f.ranked.due, text: f.ranked.text },
      }));
    // Otherwise the clause's deadline: the best phrase of its parts, as for the whole clause.
    const best = found.reduce((a, b) => (b.ranked.rank < a.ranked.rank ? b : a));
    deadline = { due: best.ranked.due, text: best.ranked.text };
  } else {
    deadline = parseDeadline(plain, ctx);
  }
  if (deadline.due.kind === 'none' && ANAPHORIC_TIME.test(plain)) {
    // "bis dahin", "zum gleichen Termin": the time the decision named last.
    for (const text of [...state.earlier].reverse()) {
      const earlier = parseDeadline(text, ctx);
      if (earlier.due.kind !== 'none') {
        deadline = { ...earlier, text: 'bis dahin' };
        break;
      }
    }
  }
  return [{ deadline, text: plain }];
}

const ANAPHORIC_TIME =
  /(?<![\p{L}-])(?:bis\s+dahin|zum\s+(?:gleichen|selben)\s+(?:Termin|Zeitpunkt)|zu\s+diesem\s+(?:Termin|Zeitpunkt))(?![\p{L}-])/iu;

/** "... vorzulegen und ... zu finalisieren": the tasks of a request, at each "und" after an infinitive. */
function infinitiveParts(clause: string): string[] {
  if (!clause.includes(' und ')) return [clause];
  const parts: string[] = [];
  let from = 0;
  let at = clause.indexOf(' und ');
  while (at >= 0) {
    const before = clause.slice(Math.max(from, at - 40), at);
    if (/(?:zu\p{L}{2,}en|zu\s+\p{L}+en)$/u.test(before)) {
      parts.push(clause.slice(from, at));
      from = at + 5;
    }
    at = clause.indexOf(' und ', at + 5);
  }
  parts.push(clause.slice(from));
  return parts.filter((p) => p.trim() !== '');
}

/** ", der seine Arbeit im Januar 2017 aufnimmt": what a relative clause dates is its noun's. */
function withoutRelativeClauses(clause: string): string {
  return clause.replace(RELATIVE_CLAUSE, '');
}

/** ", der seine Arbeit ... aufnimmt": a relative pronoun, then no noun but a function word. */
const RELATIVE_CLAUSE =
  /,\s*(?:der|die|das|welche[rs]?)\s+(?=(?:seine|ihre|sich|in|im|mit|von|vom|zur|zum|bei|beim|auf|für|nach|an|am|als|bereits|noch|nicht|dem|den|der|die|das|ein|eine|einen|es|sie|er|derzeit|jeweils|ab|bis)\s)[^,]*(?=,|$)/gu;

function candidatesIn(text: string, matcher: OwnerMatcher, state: DecisionState): Candidate[] {
  const asked = PARTICIPLE.test(text);
  const relative = asked && text.includes(', ') ? RELATIVE_PASSIVE.exec(text) : null;
  if (relative) {
    const candidate = relativeCandidate(text, relative, matcher, state);
    if (candidate) return [candidate];
  }
  const passive = asked ? PASSIVE.exec(text) : null;
  if (passive) {
    const candidate = passiveCandidate(text, passive, matcher, state);
    return candidate ? [candidate] : [];
  }
  const verbs = [...text.matchAll(ACTIVE)].filter(
    (verb) =>
      (!/^(?:fordert|fordern|lädt|laden)$/.test(verb[1]) ||
        /(?<![\p{L}-])(?:auf|ein)(?![\p{L}-])/u.test(text.slice(verb.index))) &&
      // "beauftragt durch alle D115-Teilnehmer": a participle, nobody is asked.
      !/^\s+(?:durch|von)\s/.test(text.slice((verb.index as number) + verb[0].length)),
  );
  // "Der IT-Planungsrat beschließt: Das BMI ...": what follows the colon has its own subject.
  const subjectOf = (at: number) => {
    const before = text.slice(0, at);
    const colon = before.lastIndexOf(': ');
    return colon >= 0 ? before.slice(colon + 2) : before;
  };
  const firstVerb = verbs[0];
  // "Zur Beförderung des OZG bittet der IT-Planungsrat die ...": the council after the verb.
  const councilAfter =
    firstVerb !== undefined &&
    /^\s+(?:der|das)\s+/.test(text.slice((firstVerb.index as number) + firstVerb[0].length)) &&
    matcher
      .findAll(
        text.slice(
          (firstVerb.index as number) + firstVerb[0].length,
          (firstVerb.index as number) + firstVerb[0].length + 30,
        ),
      )
      .some((m) => m.kind === 'council' && m.start <= 6);
  if (
    firstVerb !== undefined &&
    (councilAfter || decidingSubject(subjectOf(firstVerb.index as number), matcher, state))
  ) {
    state.prefix = text;
    return verbs.flatMap((verb, n) => {
      const end = n + 1 < verbs.length ? (verbs[n + 1].index as number) : text.length;
      const clause = text.slice((verb.index as number) + verb[0].length, end);
      const candidate = activeCandidate(clause, verb[1], text, matcher, state);
      // "Vorbehaltlich ... beauftragt der IT-Planungsrat ...": the opening adverbial is the request's.
      const prefix = n === 0 ? subjectOf(verb.index as number).trim() : '';
      if (candidate && ADVERBIAL_START.test(prefix))
        candidate.clause = `${prefix} ${candidate.clause}`;
      return candidate ? [candidate] : [];
    });
  }
  // "Die BVV hat beschlossen, das Bezirksamt zu ersuchen, ...": the request as the decision's content.
  const resolved = /zu\s+(?:ersuchen|bitten|beauftragen)/.test(text)
    ? DECIDED_REQUEST.exec(text)
    : null;
  if (resolved) {
    const at = resolved.index + resolved[0].indexOf(resolved[1]);
    const found = readAddressees(text, at, matcher, state);
    if (found && found.end <= resolved.index + resolved[0].length) {
      const rest = text.slice(resolved.index + resolved[0].length);
      return [
        candidate(found, text, found.end, matcher, 'request', `zu ${resolved[2]}`, rest, rest),
      ];
    }
  }
  const commission = text.includes('uftrag')
    ? commissionCandidate(text, matcher, state)
    : undefined;
  if (commission) return [commission];
  const agent = text.includes('durch ') ? agentCandidate(text, matcher, state) : undefined;
  if (agent) return [agent];
  const actor = actorCandidate(text, matcher, state);
  return actor ? [actor] : [];
}

/** Who may ask in a decision: the council ("Er"), or the body deciding it ("Die AL-Runde"). */
function decidingSubject(before: string, matcher: OwnerMatcher, state: DecisionState): boolean {
  const subject = before.trim();
  if (
    subject === '' ||
    /^(?:Er|Es|Zudem|Ferner|Außerdem|Weiterhin|Darüber hinaus|Daher)\b/.test(subject)
  )
    return true;
  const mentions = matcher.findAll(subject);
  if (mentions.some((mention) => mention.kind === 'council')) return true;
  if (mentions.some((mention) => mention.kind === 'member' || mention.kind === 'group'))
    return false;
  if (state.body && subject.includes(state.body)) return true;
  if (/^(?:Die|Der|Das)\s/.test(subject) && DECIDING_WORDS.test(subject)) return true;
  return false;
}

function activeCandidate(
  clause: string,
  verb: string,
  sentence: string,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate | undefined {
  let at = /^\s*/.exec(clause)?.[0].length ?? 0;
  at += LEADING_ADVERBS.exec(clause.slice(at))?.[0].length ?? 0;
  // "bittet der IT-Planungsrat die Länder": the council after the verb is not asked.
  const article = /^(?:der|das)\s+/.exec(clause.slice(at));
  const council = article ? matcher.mentionAt(clause, at + article[0].length) : undefined;
  if (council?.kind === 'council') {
    at = council.end + (/^\s*/.exec(clause.slice(council.end))?.[0].length ?? 0);
    at += LEADING_ADVERBS.exec(clause.slice(at))?.[0].length ?? 0;
  }
  let rest = clause.slice(at);
  const basisText = verb;
  // "beauftragt mit der Ausgestaltung ... eine Projektgruppe": the commission comes first.
  if (/^mit\s/.test(rest) && /^beauftrag/.test(verb)) {
    const addressee = /\s(?:eine|einen|ein|die|den|das)\s+(?=\p{Lu})/u.exec(rest.slice(4));
    if (addressee) {
      const from = at + 4 + addressee.index + 1;
      const found = readAddressees(clause, from, matcher, state);
      if (found)
        return candidate(
          found,
          clause,
          from,
          matcher,
          'request',
          basisText,
          clause.slice(found.end),
        );
    }
  }
  if (/^(?:um|darum)(?:\s|,|$)/.test(rest)) {
    const owners = fallbackOwners(sentence, state, matcher);
    rest = rest.replace(/^(?:um|darum,?)\s*/, '');
    return {
      owners: owners.owners,
      partners: partnersIn(clause, at, owners.owners, matcher),
      action: actionText(rest),
      clause,
      basis: 'request',
      basisText: `${verb} ${/^darum/.test(clause.slice(at)) ? 'darum' : 'um'}`,
      uncertain: [owners.owners.length > 0 ? 'owner-inferred' : 'no-owner'],
    };
  }
  const found = readAddressees(clause, at, matcher, state);
  if (!found) {
    const owners = fallbackOwners(sentence, state, matcher);
    return {
      owners: owners.owners,
      partners: partnersIn(clause, at, owners.owners, matcher),
      action: actionText(rest),
      clause,
      basis: 'request',
      basisText,
      uncertain: [owners.owners.length > 0 ? 'owner-inferred' : 'no-owner'],
    };
  }
  return candidate(
    found,
    clause,
    found.end,
    matcher,
    'request',
    basisText,
    clause.slice(found.end).replace(/^\s*um\s/, ''),
  );
}

function candidate(
  found: Addressees,
  text: string,
  partnersFrom: number,
  matcher: OwnerMatcher,
  basis: MandateBasis,
  basisText: string,
  action: string,
  clause: string = text,
): Candidate {
  return {
    owners: found.owners,
    partners: partnersIn(text, partnersFrom, found.owners, matcher),
    action: actionText(action),
    clause,
    basis,
    basisText,
    uncertain: found.inferred ? ['owner-inferred'] : [],
  };
}

function passiveCandidate(
  text: string,
  passive: RegExpExecArray,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate | undefined {
  // "Als verantwortliches Amt wurde X benannt: Der Oberbürgermeister wird beauftragt": after the colon.
  const colon = text.slice(0, passive.index).lastIndexOf(': ');
  if (colon >= 0) {
    const rest = text.slice(colon + 2);
    const again = PASSIVE.exec(rest);
    if (again) return passiveCandidate(rest, again, matcher, state);
  }
  const before = text.slice(0, passive.index);
  const adverbs = LEADING_ADVERBS.exec(before)?.[0].length ?? 0;
  const subject = before.slice(adverbs).trim();
  const middleAt = passive.index + passive[0].indexOf(passive[1]);
  const middleStart = middleAt + (passive[1].length - passive[1].trimStart().length);
  // "werden die Länder eingeladen": the subject follows the verb.
  const inverted =
    !subject || ADVERBIAL_START.test(subject)
      ? readAddressees(text, middleStart, matcher, state, !subject)
      : undefined;
  const found =
    inverted ??
    (subject && !ADVERBIAL_START.test(subject)
      ? readAddressees(
          text,
          adverbs + (before.slice(adverbs).length - before.slice(adverbs).trimStart().length),
          matcher,
          state,
        )
      : undefined);
  const afterVerb = passive.index + passive[0].length;
  const basisText = `${/werden/.test(passive[0].slice(0, 7)) ? 'werden' : 'wird'} ${passive[2]}`;
  if (!found) {
    const owners = fallbackOwners(text, state, matcher);
    if (owners.owners.length === 0) return undefined;
    return {
      owners: owners.owners,
      partners: partnersIn(text, afterVerb, owners.owners, matcher),
      action: actionText(text.slice(afterVerb)),
      clause: text,
      basis: 'passive-request',
      basisText,
      uncertain: ['owner-inferred'],
    };
  }
  return candidate(
    found,
    text,
    found.end,
    matcher,
    'passive-request',
    basisText,
    text.slice(afterVerb),
  );
}

/** "Der IT-Planungsrat richtet eine Arbeitsgruppe ein, die ... beauftragt wird." */
function relativeCandidate(
  text: string,
  relative: RegExpExecArray,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate | undefined {
  const before = text.slice(0, relative.index);
  const heads = [...before.matchAll(/(?<![\p{L}-])[\p{Lu}][\p{L}-]*(?![\p{L}-])/gu)].filter((m) =>
    BODY_HEAD.test(m[0]),
  );
  const head = heads[heads.length - 1];
  if (!head) return undefined;
  const found = readAddressees(text, head.index as number, matcher, state);
  if (!found) return undefined;
  const clause = `${relative[1]} ${relative[2]}`;
  return candidate(
    found,
    clause,
    0,
    matcher,
    'passive-request',
    `${relative[2]} wird`,
    relative[1],
    clause,
  );
}

function commissionCandidate(
  text: string,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate | undefined {
  const given = COMMISSION_GIVEN.exec(text);
  if (given) {
    const at = given.index + given[0].indexOf(given[1]);
    const found = readAddressees(text, at, matcher, state);
    if (found) {
      const rest = text.slice(given.index + given[0].length);
      return candidate(found, text, found.end, matcher, 'commission', 'erteilt den Auftrag', rest);
    }
  }
  const held = COMMISSION_HELD.exec(text);
  if (held) {
    const adverbs = LEADING_ADVERBS.exec(text)?.[0].length ?? 0;
    const found = readAddressees(text, adverbs, matcher, state);
    if (found && found.end <= held.index + 1) {
      const rest = text.slice(held.index + held[0].length);
      return candidate(found, text, found.end, matcher, 'commission', 'hat den Auftrag', rest);
    }
  }
  return undefined;
}

function actorCandidate(
  text: string,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate | undefined {
  const adverbs = LEADING_ADVERBS.exec(text)?.[0].length ?? 0;
  // Any name will do as subject when a duty verb follows it directly.
  const found = ADVERBIAL_START.test(text.slice(adverbs))
    ? undefined
    : readAddressees(text, adverbs, matcher, state);
  if (found) {
    const rest = text.slice(found.end).trimStart();
    const verb = ACTOR_VERB.exec(rest);
    // What a body the decision sets up does is its remit, not a mandate; what it delivers is one.
    const remit =
      found.owners.some((o) => state.setUp.includes(o.split(/\s+/)[0])) &&
      !DELIVERY_VERB.test(rest) &&
      parseDeadline(rest, { meeting: undefined, year: 2000, calendar: [], councilAliases: [] }).due
        .kind === 'none';
    const shall = !state.pointHasMandate && shallDuty(rest, found, matcher);
    if (
      !remit &&
      (verb || shall || FUTURE_DUTY.test(rest) || futureOfKnown(rest, found, matcher, state))
    ) {
      const c = candidate(
        found,
        text,
        found.end,
        matcher,
        'actor-statement',
        verb ? verb[0] : 'wird ...',
        rest,
      );
      if (!verb && !FUTURE_DUTY.test(rest) && state.cutOff) c.uncertain.push('cut-off');
      return c;
    }
  }
  // "In 2018 wird Thüringen den Fachkongress veranstalten", "Ergänzend ... stellen die Länder ... bereit".
  if (!ADVERBIAL_START.test(text)) return undefined;
  // The finite verb is the first word after the opening phrase that is followed by its subject.
  const verbs =
    /(?<![\p{L}-])(wird|werden|[\p{Ll}]+)\s+(?=(?:sich\s+)?(?:der|die|das|den|seine|ihre|\p{Lu}))/gu;
  let match: RegExpExecArray | null;
  while ((match = verbs.exec(text)) !== null) {
    const word = match[1];
    const previous = /(\S+)\s*$/.exec(text.slice(0, match.index))?.[1] ?? '';
    if (FUNCTION_WORD.test(previous) || FUNCTION_WORD.test(word)) continue;
    const future = word === 'wird' || word === 'werden';
    let at = match.index + match[0].length;
    if (/^sich\s/.test(text.slice(at))) at += 5;
    const subject = readAddressees(text, at, matcher, state, false);
    if (!subject) continue;
    const then = `wird ${text.slice(subject.end)}`;
    const acts =
      ACTOR_VERB.test(text.slice(match.index)) || AND_ACTOR_VERB.test(text.slice(subject.end));
    if (future ? !FUTURE_DUTY.test(then) && !futureOfKnown(then, subject, matcher, state) : !acts)
      return undefined;
    return candidate(
      subject,
      text,
      subject.end,
      matcher,
      'actor-statement',
      word,
      text.slice(subject.end),
    );
  }
  return undefined;
}

/** "... stimmt sich mit X ab und legt ... vor": a duty verb in a second clause. */
const AND_ACTOR_VERB = new RegExp(`\\sund\\s+${ACTOR_VERB.source.slice(1)}`, 'u');

/** Words a finite verb cannot follow or be (articles, prepositions, conjunctions). */
const FUNCTION_WORD =
  /^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|und|oder|sowie|mit|von|vom|zur|zum|im|in|am|auf|für|bei|beim|nach|vor|über|unter|aus|durch|gegen|ohne|um|bis|ab|als|wie|so|auch|noch|bereits|sich|seiner|ihrer|seinen|ihren|dieser|diesem|dieses|jeweils|insbesondere)$/i;

/** Verbs of delivering a result, as opposed to a body's standing function. */
const DELIVERY_VERB =
  /^(?:berichtet|berichten|legt|legen|erarbeitet|erarbeiten|erstellt|erstellen|übermittelt|übermitteln|benennt|benennen|unterbreitet|unterbreiten|meldet|melden|definiert|definieren|prüft|prüfen|evaluiert|evaluieren|soll|sollen)(?![\p{L}-])/u;

/**
 * "Die Arbeitsgruppe soll ... vorlegen": a named body told what it shall do, in a point that asks
 * nobody else. Where the point has a request, such a sentence only lends its deadline.
 */
function shallDuty(rest: string, found: Addressees, matcher: OwnerMatcher): boolean {
  if (!/^(?:soll|sollen)\s/.test(rest)) return false;
  const named = found.owners.every(
    (o) => matcher.isKnownOwner(o) || BODY_HEAD.test(o.split(/\s+/)[0]),
  );
  const last = /(\p{Ll}+)\s*[.!]?\s*$/u.exec(rest)?.[1] ?? '';
  return (
    named && /(?:en|ern|eln)$/.test(last) && last !== 'werden' && !STRONG_PARTICIPLE.test(last)
  );
}

/**
 * "Die FITKO wird ... spiegeln": a known member or body and a future with an infinitive at the end
 * (not a passive participle); in a sentence cut off by the end of the text, the future alone.
 */
function futureOfKnown(
  rest: string,
  found: Addressees,
  matcher: OwnerMatcher,
  state: DecisionState,
): boolean {
  if (!/^(?:wird|werden)\s/.test(rest)) return false;
  if (!found.owners.every((o) => matcher.isKnownOwner(o))) return false;
  if (state.cutOff) return true;
  const last = /(\p{Ll}+)\s*[.!]?\s*$/u.exec(rest)?.[1] ?? '';
  return (
    /(?:en|ern|eln)$/.test(last) &&
    !STRONG_PARTICIPLE.test(last) &&
    !DELIBERATION.test(last) &&
    last !== 'werden'
  );
}

/** Members meeting to deliberate ("werden sich ... befassen") do the council's work, not a task. */
const DELIBERATION =
  /^(?:befassen|beraten|austauschen|beschließen|entscheiden|tagen|treffen|verständigen|abstimmen)$/;

/** Strong participles end in -en like infinitives: "gebeten", "vorgesehen", "übertragen". */
const STRONG_PARTICIPLE =
  /(?:gebeten|geladen|gesehen|gebunden|tragen|genommen|gewiesen|wiesen|schieden|schlossen|gegeben|troffen|geschlagen|hoben|schrieben|sprochen|zogen|lassen|gangen|worden|gefunden|gehalten|geworfen|geraten|gewonnen|gestanden|geblieben)$/;

/** "Die Mittel sind durch die Federführer ... zu beantragen": a duty with its actor named. */
function agentCandidate(
  text: string,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate | undefined {
  const duty =
    /(?<![\p{L}-])(?:ist|sind)(?![\p{L}-])[^.;]*?(?<![\p{L}-])durch\s+(?=(?:die|den|das|der|dem)\s)/u.exec(
      text,
    );
  if (!duty || !/(?:zu\s+\p{Ll}+en|\p{Ll}+zu\p{Ll}{2,}en)\s*\.?\s*$/u.test(text)) return undefined;
  const at = duty.index + duty[0].length;
  const found = readAddressees(text, at, matcher, state);
  if (!found) return undefined;
  // "die durch den Bund freigegebenen Stamminformationen": who released them, not who must act.
  if (/^\s+\p{Ll}+(?:e|en|er|es|em)\s+\p{Lu}/u.test(text.slice(found.end))) return undefined;
  return candidate(
    found,
    text,
    found.end,
    matcher,
    'actor-statement',
    'ist durch ... zu',
    text.slice(found.end),
  );
}

/** "richtet eine gemeinsame Transformationseinheit ein", "beschließt die Einrichtung eines Projektes". */
function setUpBodies(text: string): string[] {
  if (!/(?:richte|errichte|Einrichtung|gründe|Gründung|setzt|setzen|eingerichtet)/.test(text))
    return [];
  const found: string[] = [];
  const pattern =
    /(?<![\p{L}-])(?:richtet|richten|errichtet|errichten|gründet|gründen|setzt|setzen|Einrichtung|Gründung)(?![\p{L}-])\s+(?:[^.;,]{0,80}?\s)?(?:eine[nrs]?|ein)\s+(?:\p{Ll}+\s+){0,3}(\p{Lu}[\p{L}-]*)/gu;
  for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found;
}

interface Addressees {
  owners: string[];
  end: number;
  /** Read from a pronoun, a bare "die Arbeitsgruppe" or a group the text restricts. */
  inferred: boolean;
}

/** Reads the addressees at `at`, resolving pronouns, "die Federführer" and "das Koordinierungsprojekt". */
function readAddressees(
  text: string,
  at: number,
  matcher: OwnerMatcher,
  state: DecisionState,
  unknownFirst = true,
): Addressees | undefined {
  const rest = text.slice(at);
  const pronoun = PRONOUN.exec(rest);
  if (pronoun) {
    const own = text.slice(0, at);
    const sentence = state.prefix ?? own;
    const before = sentence.includes(own)
      ? sentence.slice(0, sentence.lastIndexOf(own) + own.length)
      : own;
    const owners = resolvePronoun(pronoun[1], before, state, matcher);
    return owners.length > 0 ? { owners, end: at + pronoun[0].length, inferred: true } : undefined;
  }
  const leads = DEFINED_LEADS.exec(rest);
  if (leads && state.leads.length > 0)
    return { owners: [...state.leads], end: at + leads[0].length, inferred: true };
  // "beide Berichterstatter": the two the request before names.
  const both = /^(?:die\s+)?beiden?\s+[\p{Lu}][\p{L}-]*/u.exec(rest);
  if (both && state.lastParties.length === 2)
    return { owners: [...state.lastParties], end: at + both[0].length, inferred: true };
  // "Die Vertreter der KoSIT, des BMI und des Landes Hessen": those they represent.
  const representatives = /^(?:(?:die|den|der)\s+)?Vertreter(?:innen|n)?\s+(?=(?:der|des)\s)/i.exec(
    rest,
  );
  const from = representatives ? at + representatives[0].length : at;
  const list = matcher.readList(text, from, { unknownFirst: unknownFirst || !!representatives });
  if (!list) return undefined;
  let inferred = false;
  const owners = list.owners.map((owner) => {
    const name = list.names.find((n) => n.name === owner);
    if (!name) return owner;
    const resolved = resolveBareHead(name, state, matcher, text.slice(0, name.start));
    if (resolved !== name.name) inferred = true;
    return resolved;
  });
  for (const phrase of list.restricted) {
    // "die beteiligten Länder": the Länder the decision named before.
    const named = namedStates(state.context, matcher);
    inferred = true;
    if (named.length > 0) owners.push(...named);
    else owners.push(phrase);
  }
  if (owners.length === 0) return undefined;
  return { owners: [...new Set(owners)], end: list.end, inferred };
}

/** The Länder a decision names, in order: for "die beteiligten Länder". */
function namedStates(context: string, matcher: OwnerMatcher): string[] {
  return [
    ...new Set(
      matcher
        .findAll(context)
        .filter((m) => m.kind === 'member' && matcher.isState(m.owners[0]))
        .flatMap((m) => m.owners),
    ),
  ];
}

/** "sie" after a request: those asked before, else the body the decision last named. */
function resolvePronoun(
  pronoun: string,
  before: string,
  state: DecisionState,
  matcher: OwnerMatcher,
): string[] {
  const word = pronoun.toLowerCase();
  if ((word === 'sie' || word === 'diese') && state.lastOwners.length > 0) return state.lastOwners;
  const context = `${state.context} ${before}`;
  const bodies = [
    ...matcher
      .findAll(context)
      .filter((m) => m.kind === 'body')
      .map((m) => ({ at: m.start, name: m.owners[0], head: m.text })),
    ...bodyNames(context, matcher, true).map((b) => ({
      at: b.start,
      name: b.owners[0],
      head: b.owners[0],
    })),
  ].sort((a, b) => a.at - b.at);
  const fits = (head: string) => {
    const last = head.split(/\s+/)[0];
    if (word === 'ihn' || word === 'diesen') return MASCULINE.test(last);
    if (word === 'es' || word === 'dieses') return NEUTER.test(last);
    return !MASCULINE.test(last) && !NEUTER.test(last);
  };
  const match = [...bodies].reverse().find((b) => fits(b.head));
  return match ? [match.name] : [];
}

/** "das Koordinierungsprojekt" after "Koordinierungsprojekt Registermodernisierung" means the latter. */
function resolveBareHead(
  name: UnknownName,
  state: DecisionState,
  matcher: OwnerMatcher,
  before: string,
): string {
  if (name.name !== name.head || !BODY_HEAD.test(name.head)) return name.name;
  const context = `${state.context} ${before}`;
  const abbreviation = HEAD_ABBREVIATIONS[name.head];
  const known = matcher
    .findAll(context)
    .filter((m) => m.kind === 'body')
    .filter((m) =>
      [m.text, ...m.owners].some(
        (t) => t.startsWith(name.head) || (abbreviation && t.startsWith(`${abbreviation} `)),
      ),
    );
  if (known.length > 0) return known[known.length - 1].owners[0];
  const pattern = new RegExp(`(?<![\\p{L}-])${name.head}(?![\\p{L}-])`, 'gu');
  let best: string | undefined;
  for (const match of context.matchAll(pattern)) {
    const named = readUnknownName(context, match.index as number, matcher);
    if (named && named.name !== name.head) best = named.name;
  }
  if (best) return matcher.canonical(displayName(best))?.owners[0] ?? best;
  // A group the decision sets up or asks without naming it is the group on the decision's subject.
  if (TASK_GROUP.test(name.head) && state.title) {
    const titled = `${name.head} ${state.title}`;
    return matcher.canonical(titled)?.owners[0] ?? titled;
  }
  return name.name;
}

/** Who a decision is about where its request names nobody ("bittet um zügige Umsetzung"). */
function fallbackOwners(
  sentence: string,
  state: DecisionState,
  matcher: OwnerMatcher,
): { owners: string[] } {
  // "den durch das BMI und den Aufbaustab vorgelegten Rahmen": those who presented it.
  const presented =
    /(?<![\p{L}-])(?:durch|von)\s+(.{3,160}?)\s+(?:vorgelegten|vorgelegte|erarbeiteten|erstellten)(?![\p{L}-])/u.exec(
      sentence,
    );
  if (presented) {
    const at = presented.index + presented[0].indexOf(presented[1]);
    const list = matcher.readList(sentence, at, { unknownFirst: true });
    if (list && list.owners.length > 0) return { owners: list.owners };
  }
  for (const text of [sentence, matchableText(state.point?.text ?? ''), state.context]) {
    const mentions = matcher.findAll(text).filter((m) => m.kind !== 'council');
    const bodies = bodyNames(text, matcher);
    const firstBody = [...mentions.filter((m) => m.kind === 'body'), ...bodies].sort(
      (a, b) => a.start - b.start,
    )[0];
    if (firstBody) return { owners: firstBody.owners };
    if (mentions.length > 0) return { owners: mentions[0].owners };
  }
  return { owners: [] };
}

/** Names of bodies in a text; single words ("Steuerungskreis") only where `bare`. */
function bodyNames(
  text: string,
  matcher: OwnerMatcher,
  bare = false,
): Array<{ start: number; owners: string[] }> {
  const found: Array<{ start: number; owners: string[] }> = [];
  for (const match of text.matchAll(/(?<![\p{L}-])[\p{Lu}][\p{L}-]*(?![\p{L}-])/gu)) {
    if (!BODY_HEAD.test(match[0])) continue;
    if (matcher.mentionAt(text, match.index as number)?.kind === 'council') continue;
    const named = readUnknownName(text, match.index as number, matcher);
    if (named && (bare || named.name !== named.head))
      found.push({ start: named.start, owners: [named.name] });
  }
  return found;
}

function partnersIn(text: string, from: number, owners: string[], matcher: OwnerMatcher): string[] {
  const partners: string[] = [];
  const add = (list: string[]) => {
    for (const p of list) if (!owners.includes(p) && !partners.includes(p)) partners.push(p);
  };
  const rest = text.slice(from);
  if (!PARTNER_HINT.test(rest)) return partners;
  for (const marker of rest.matchAll(PARTNER_MARKER)) {
    const at = (marker.index as number) + marker[0].length;
    const explicit = !/^mit\s+$/.test(marker[0]);
    const list = matcher.readList(rest, at, { unknownFirst: explicit });
    if (list) add(list.owners);
  }
  const involve = INVOLVE.exec(rest);
  if (involve) {
    add(
      matcher
        .findAll(rest.slice(0, involve.index))
        .filter((m) => m.kind !== 'council')
        .flatMap((m) => m.owners),
    );
  }
  return partners;
}

/**
 * Members a sentence names as leads: "Die Federführung wird durch die Länder X und Y
 * wahrgenommen", "unter Federführung von X", "die Federführer X und Y", "X und Y übernehmen die
 * Federführung". A member merely mentioned nearby ("bei der FITKO") is no lead.
 */
function definedLeads(text: string, matcher: OwnerMatcher): string[] {
  if (!/Federführ|federführ/.test(text)) return [];
  const leads: string[] = [];
  const members = (list: { owners: string[] } | undefined) =>
    (list?.owners ?? []).filter((o) => matcher.isKnownOwner(o));
  for (const match of text.matchAll(LEAD_MARKER)) {
    const at = (match.index as number) + match[0].length;
    leads.push(...members(matcher.readList(text, at, { unknownFirst: false })));
  }
  const taking =
    /\s(?:übernehmen|übernimmt|haben|hat|tragen|trägt)\s+(?:die|gemeinsam\s+die)\s+Federführung/.exec(
      text,
    );
  if (taking) {
    const start = LEADING_ADVERBS.exec(text)?.[0].length ?? 0;
    const list = matcher.readList(text, start, { unknownFirst: false });
    if (list && list.end <= taking.index + 1) leads.push(...members(list));
  }
  return [...new Set(leads)];
}

const LEAD_MARKER =
  /(?:Federführung(?:\s+(?:des|der)\s+[\p{L}-]+)?\s+(?:\S+\s+){0,2}?(?:durch|von|bei)|unter\s+(?:der\s+)?Federführung\s+(?:von|des|der)?|Federführer(?:innen|n)?|federführenden?\s+(?:Länder|Land)?)\s+/gu;

function actionText(text: string): string {
  return text
    .replace(/^[\s,;:]+/, '')
    .replace(/[\s.;]+$/, '')
    .replace(/\s+/g, ' ');
}
