import type { ExtractedMandate, ExtractedResolution } from '../extraction.types';
import { decisionOrder, sentencesOf, sessionOf } from './decision-sentences';
import { classifyLink, DECIDES, FULFILS, REPORT_NOUN } from './link.kinds';
import type { EarlierMandate, FoundLink, LinkContext } from './link.types';
import {
  ownersNamed,
  sameOwner,
  spelled,
  subjectWords,
  taskAndTitleWords,
  taskWords,
  titleWordsOf,
} from './subject-words';
import { withDue } from './link-due';

/** How far back a link without a number is looked for: eight sessions, or three years by date. */
export const LINK_HORIZON_SESSIONS = 8;
export const LINK_HORIZON_YEARS = 3;

/** What a council answers without citing it is recent: within the horizon of the new decision. */
function withinHorizon(
  m: EarlierMandate,
  session: number | undefined,
  decidedOn?: string,
): boolean {
  if (session !== undefined && m.meeting !== undefined)
    return m.meeting >= session - LINK_HORIZON_SESSIONS;
  if (decidedOn && m.decidedOn)
    return (
      m.decidedOn >= `${Number(decidedOn.slice(0, 4)) - LINK_HORIZON_YEARS}${decidedOn.slice(4)}`
    );
  return true;
}

/**
 * An earlier mandate a decision answers without naming it. Two forms of the council's grammar:
 * - it takes note of, approves or accepts a report, concept or proposal (`fulfils`) that an
 *   earlier mandate asked of an owner the sentence names, or that was due at this very session;
 * - it asks the same owner again for the same thing (`extends`): a new mandate of the decision
 *   whose task shares most of its significant words with an earlier mandate of that owner.
 * The subject must agree (significant words of the sentence and title against the earlier task
 * and its decision's title); the best-scoring candidate wins, the latest on a tie.
 */
export function implicitLink(
  resolution: ExtractedResolution,
  earlier: EarlierMandate[],
  context: LinkContext,
): FoundLink | undefined {
  const order = decisionOrder(resolution.id, resolution.meeting?.date ?? context.decidedOn);
  const session = sessionOf(resolution, context);
  const decidedOn = resolution.meeting?.date ?? context.decidedOn;
  const before = earlier.filter(
    (m) => m.resolution !== resolution.id && decisionOrder(m.resolution, m.decidedOn) < order,
  );
  const candidates = before.filter((m) => withinHorizon(m, session, decidedOn));
  if (before.length === 0) return undefined;
  const title = resolution.title ?? '';
  const titleWords = subjectWords(title, []);
  // A report received is what a decision is about; a task asked for again by similar words
  // alone is weaker evidence. So the best report taken note of wins over the best repetition.
  const best: Record<
    'report' | 'again',
    { link: FoundLink; score: number; order: number } | undefined
  > = { report: undefined, again: undefined };
  const consider = (
    form: 'report' | 'again',
    link: FoundLink,
    score: number,
    m: EarlierMandate,
  ) => {
    const o = decisionOrder(m.resolution, m.decidedOn);
    const now = best[form];
    if (!now || score > now.score + 0.5 || (Math.abs(score - now.score) <= 0.5 && o > now.order))
      best[form] = { link, score, order: o };
  };

  // The same owner asked again for the same thing: the task goes on.
  for (const n of context.mandates.filter((x) => x.resolution === resolution.id)) {
    const mine = subjectWords(`${n.action} ${n.source}`, []);
    for (const m of candidates) {
      const owners = m.owners.filter((o) => n.owners.some((x) => sameOwner(o, x)));
      if (owners.length === 0) continue;
      // The same words about another subject ("die Fachministerkonferenzen über die geplante
      // Vorgehensweise zu informieren") are boilerplate: the decisions' titles must agree too.
      if (titleWords.size > 0 && m.title && !shares(titleWords, titleWordsOf(m))) continue;
      const theirs = taskWords(m);
      const common = [...mine].filter((w) => theirs.has(w));
      const share = common.length / Math.max(1, Math.min(mine.size, theirs.size));
      if (common.length < 4 || share < 0.5) continue;
      consider(
        'again',
        {
          from: resolution.id,
          point: n.point,
          sentence: n.source,
          line: n.line,
          to: m.resolution,
          explicit: false,
          kind: 'extends',
          reason: `Derselbe Auftrag wird erneut erteilt: Beschluss ${m.resolution} hatte in Ziffer ${m.point} ${names(owners, context)} um dasselbe gebeten. Gleiche Aufgabe: ${spelled(common, `${m.action} ${m.source}`)}.`,
          mandates: [m.key],
          owners: owners.length === m.owners.length ? [] : owners,
          ...withDue(n.due),
        },
        common.length + share * 2,
        m,
      );
    }
  }

  // A report, concept or proposal taken note of or approved.
  const asked = context.mandates.filter((x) => x.resolution === resolution.id);
  const dueHereAny =
    session !== undefined &&
    candidates.some((m) => m.due.kind === 'meeting' && m.due.meeting === session);
  for (const s of sentencesOf(resolution)) {
    // A report taken note of, or a decision on what was due at this session.
    if (s.point === null) continue;
    const takesNote = FULFILS.test(s.text) && REPORT_NOUN.test(s.text);
    if (!takesNote && !(dueHereAny && DECIDES.test(s.text))) continue;
    const mentions = context.matcher.findAll(s.text);
    const members = mentions.filter((x) => x.kind === 'member').flatMap((x) => x.owners);
    // Owners as the sentence names them, also in this decision's own words for them.
    const named = [
      ...ownersNamed(
        s.text,
        mentions.flatMap((x) => x.owners),
        [...candidates, ...asked.map((x) => ({ owners: x.owners }))],
      ),
    ];
    const words = subjectWords(
      s.text,
      mentions.map((x) => [x.start, x.end]),
    );
    for (const w of titleWords) words.add(w);
    for (const m of candidates) {
      const dueHere =
        session !== undefined && m.due.kind === 'meeting' && m.due.meeting === session;
      if (!takesNote && !dueHere) continue;
      const byOwner = m.owners.some((o) => named.some((x) => sameOwner(o, x)));
      // Due here counts unless the sentence names members and none of them owes it ("der
      // Bericht Hessens" does not answer what Bremen owes).
      const otherMembers = members.length > 0 && !m.owners.some((o) => members.includes(o));
      if (!byOwner && !(dueHere && !otherMembers)) continue;
      const theirs = taskAndTitleWords(m);
      const common = [...words].filter((w) => theirs.has(w));
      const share = common.length / Math.max(1, Math.min(words.size, theirs.size));
      if (common.length < 2 || share < 0.25) continue;
      const owners = m.owners.filter((o) => named.includes(o));
      const again = askedAgain(m, asked, session);
      consider(
        'report',
        {
          from: resolution.id,
          point: s.point,
          sentence: s.text,
          line: s.line,
          to: m.resolution,
          explicit: false,
          kind: classifyLink(s.text).kind === 'extends' || again ? 'extends' : 'fulfils',
          reason: `${takesNote ? 'Zur Kenntnis genommen oder gebilligt wird' : 'Entschieden wird über das'}, worum Beschluss ${m.resolution} in Ziffer ${m.point} gebeten hat (gerichtet an: ${names(m.owners, context)})${dueHere ? '; es war zu dieser Sitzung fällig' : ''}${again ? '; derselbe Auftrag wird mit neuer Frist erneut erteilt' : ''}. Gleiches Thema: ${spelled(common, `${m.action} ${m.source} ${m.title ?? ''}`)}.`,
          mandates: [m.key],
          owners: owners.length > 0 && owners.length < m.owners.length ? owners : [],
        },
        common.length + share * 2 + (dueHere ? 2 : 0) + (byOwner ? 1 : 0),
        m,
      );
    }
  }
  // A body the council set up goes on: "beschließt die Fortführung der Kooperationsgruppe". The
  // body must be what goes on (named right after the word), and its task is where it was set up:
  // its first mandate.
  for (const s of sentencesOf(resolution)) {
    const going = CONTINUES.exec(s.text);
    if (s.point === null || !going) continue;
    const after = s.text.slice(going.index, going.index + going[0].length + 70);
    const bodies = ownersNamed(
      after,
      context.matcher
        .findAll(after)
        .filter((x) => x.kind === 'body' || x.kind === 'group')
        .flatMap((x) => x.owners),
      before,
    );
    // However long ago it was set up: no horizon here.
    const first = before
      .filter((m) => m.owners.some((o) => bodies.has(o)))
      .sort(
        (a, b) =>
          decisionOrder(a.resolution, a.decidedOn) - decisionOrder(b.resolution, b.decidedOn),
      )[0];
    if (!first) continue;
    consider(
      'again',
      {
        from: resolution.id,
        point: s.point,
        sentence: s.text,
        line: s.line,
        to: first.resolution,
        explicit: false,
        kind: 'extends',
        reason: `„${going[0]}“: ${names(
          first.owners.filter((o) => bodies.has(o)),
          context,
        )}, eingesetzt mit Beschluss ${first.resolution} (Ziffer ${first.point}), arbeitet weiter.`,
        mandates: [first.key],
        owners: [],
      },
      4,
      first,
    );
  }
  return (best.report ?? best.again)?.link;
}

/** Owners as a reader names them. */
function names(owners: string[], context: LinkContext): string {
  return owners.map((o) => context.matcher.nameOf(o)).join(', ');
}

function shares(a: Set<string>, b: Set<string>): boolean {
  for (const w of a) if (b.has(w)) return true;
  return false;
}

/**
 * A report received after its session, while the same decision asks the same owner again with
 * a session as deadline: an interim report, the task goes on with a new deadline.
 */
function askedAgain(
  m: EarlierMandate,
  asked: ExtractedMandate[],
  session: number | undefined,
): boolean {
  if (session === undefined || m.due.kind !== 'meeting' || (m.due.meeting ?? session) >= session)
    return false;
  return asked.some(
    (x) =>
      x.due.kind === 'meeting' && x.owners.some((o) => m.owners.some((mo) => sameOwner(mo, o))),
  );
}

/** A body's work goes on. */
export const CONTINUES =
  /\b(?:Fortführung|fortgeführt|fortzuführen|verlängert|Verlängerung|weitergeführt|setzt\b[^.]{0,80}?\bfort)\b/u;
