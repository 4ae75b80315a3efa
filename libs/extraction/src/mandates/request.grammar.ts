import { BODY_HEAD, type OwnerMatcher } from './owner-matcher';
import {
  actionText,
  candidate,
  fallbackOwners,
  LEADING_ADVERBS,
  partnersIn,
  personsFor,
  readAddressees,
} from './addressee.reader';
import { actorCandidate, ADVERBIAL_START, agentCandidate, PRESENTS } from './actor.grammar';
import type { Addressees, Candidate, DecisionState } from './decision.state';
import { commissionCandidate, ellipticalParts, listedParts, passiveListed } from './request-parts';

/** The council (or the deciding body) asks or commissions someone. */
const ACTIVE =
  /(?<![\p{L}-])(bittet|bitten|beauftragt|beauftragen|betraut|betrauen|ersucht|ersuchen|fordert|fordern|lädt|laden|appelliert|appellieren)(?![\p{L}-])/gu;
/**
 * "Die Länder werden gebeten, …"; also the state "Die Länder sind gebeten, …" (participle then a
 * comma: "ist … gebeten worden" tells what happened).
 */
const PASSIVE =
  /(?<![\p{L}-])(?:wird|werden|(?:ist|sind)(?=[^.;,]{0,200}?(?<![\p{L}-])(?:gebeten|aufgefordert|ersucht)\s*,))(?![\p{L}-])(.{0,400}?)(?<![\p{L}-])(gebeten|beauftragt|aufgefordert|ersucht|eingeladen|aufgetragen)(?![\p{L}-])/u;
/** "..., die ... beauftragt wird": the relative clause's antecedent is asked. */
const RELATIVE_PASSIVE =
  /,\s*(?:die|der|das|welche[rs]?)\s+(.{0,400}?)(?<![\p{L}-])(gebeten|beauftragt|aufgefordert|ersucht)\s+(?:wird|werden)(?![\p{L}-])/u;
const PARTICIPLE = /gebeten|beauftragt|aufgefordert|ersucht|eingeladen|aufgetragen/;
/** "Die FITKO ist zu beauftragen, …", "Die Länder sind zu bitten, …". */
const TO_BE_ASKED =
  /\s(?:ist|sind)\s+(?:(?:daher|ferner|zudem|außerdem)\s+)?zu\s+(beauftragen|bitten|ersuchen)(?![\p{L}-])/u;
const REPORTED_DECISION = /(?<![\p{L}-])(?:habe|hätte|hätten)\s+(?:\S+\s+){0,4}$/u;
const DECIDED_REQUEST =
  /(?<![\p{L}-])(?:beschlossen|beschließt|beschließen),?\s+(\S.{1,120}?)\s+zu\s+(ersuchen|bitten|beauftragen)(?![\p{L}-])/u;
/** Office holders of the members who decide together: ministers, senators, heads of government. */
export const OFFICIALS = String.raw`[\p{L}-]*(?:[Mm]inisterinnen|[Mm]inister|Senatorinnen|Senatoren|Regierungschefinnen|Regierungschefs)`;
/** Those office holders as the deciding subject. */
const DECIDING_OFFICIALS = new RegExp(
  String.raw`^(?:Die|Der)\s+(?:${OFFICIALS}|Bundeskanzler(?:in)?\s+und\s+die\s+Regierungschef)`,
  'u',
);
const DECIDING_WORDS =
  /(?:rat|ausschuss|tag|runde|konferenz|versammlung|kommission|vertretung|gremium)\b/i;
/**
 * "Der IT-Planungsrat beschließt, dass die FITKO ... vorlegt", "erwartet von den Ländern, dass sie
 * ... melden", "hält es für erforderlich, dass ...": the council decides what someone does.
 */
const DECIDED_DUTY =
  /(?<![\p{L}-])(beschließt|beschließen|erwartet|erwarten|hält\s+es\s+für\s+(?:erforderlich|notwendig|geboten)|legt\s+fest|(?:wird|wurde)\s+(?:vereinbart|festgelegt|festgehalten)|vereinbaren|vereinbart)(?:\s+von\s+(.{2,80}?))?,\s*dass\s+/u;
/** The end of a "dass" clause that states a duty: a finite verb, not a passive or a state. */
const DUTY_END =
  /(?<![\p{L}-])(?!(?:ist|sind|wird|werden|wurde|wurden|hat|haben|kann|können|soll|sollen|muss|müssen|gibt|bleibt|bleiben|besteht|bestehen|gilt|gelten)\b)(\p{Ll}{3,}(?:t|en))\s*[.;]?\s*$/u;

/**
 * "der Stadtrat", "der Technische Ausschuss" right after the request verb: after "bittet" or
 * "beauftragt", "der" with a masculine body is its subject (the one asked would be "den …").
 */
const BODY_AFTER_VERB =
  /^\s*der\s+(?:\p{L}+\s+)?[\p{L}-]*(?:[Rr]at|[Aa]usschuss|[Tt]ag|[Kk]onferenz|[Bb]eirat)(?![\p{L}-])/u;

/**
 * "Prüfauftrag:", "Arbeitsauftrag an die Verwaltung:": a commission put as a label; "Ergebnis:",
 * "Festlegung:" in minutes: what was settled follows.
 */
const COMMISSION_LABEL =
  /^\s*(?:(?:Prüf|Arbeits|Untersuchungs)?[Aa]uftrag(?:\s+(?:an|für)\s+(\S.{1,80}?))?|Ergebnis|Festlegung(?:\s+\d{1,3}(?:[/.]\d{1,3})?)?|Vereinbarung|Verabredung|Absprache|Aufgabe|Es\s+wird\s+(?:festgelegt|vereinbart|festgehalten))\s*$/u;

/** ", und die Länder werden gebeten": a second passive request in the same sentence. */
const SECOND_PASSIVE =
  /,\s+(?:und|sowie)\s+(?=(?:die|der|das|den|dem)\s+[^,;]{1,80}?\s(?:wird|werden)\s+(?:gebeten|beauftragt|aufgefordert|ersucht)(?![\p{L}-]))/u;

/** The requests a sentence makes, in the forms the council writes them. */
export function candidatesIn(
  text: string,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate[] {
  // "Die Mitgliedsgemeinden werden um Kenntnisnahme gebeten": informed, nothing to do.
  if (/\bum\s+Kenntnisnahme\s+(?:gebeten|ersucht)\s*[.;]?\s*$/.test(text)) return [];
  // "Die FITKO wird gebeten, …, und die Länder werden gebeten, …": two requests, each read alone.
  const second =
    text.includes(', und ') || text.includes(', sowie ') ? SECOND_PASSIVE.exec(text) : null;
  if (second) {
    const head = text.slice(0, second.index);
    const first = candidatesIn(head, matcher, state);
    if (first.length > 0) {
      // "…, und die Länder werden gebeten, bis dahin …": the first request is earlier text now, so
      // that "bis dahin" takes its time.
      state.earlier.push(head);
      return [
        ...first,
        ...candidatesIn(text.slice(second.index + second[0].length), matcher, state),
      ];
    }
  }
  // "Der Bürgermeister unterbreitet folgenden Beschlussvorschlag: Die Verwaltung wird …": the
  // presenting is no task; the proposal after the colon is read on its own.
  const lead = text.indexOf(':');
  // "Der Antrag wird in folgender, geänderter Fassung beschlossen: Der Magistrat wird gebeten, …".
  if (
    lead > 0 &&
    (PRESENTS.test(text.slice(0, lead)) || /\bbeschlossen\s*$/.test(text.slice(0, lead)))
  ) {
    const proposal = text.slice(lead + 1).trim();
    return proposal ? candidatesIn(proposal, matcher, state) : [];
  }
  // "Prüfauftrag: Die Verwaltung prüft, ob …", "Ergebnis: Hamburg übernimmt …": the label names the
  // commission or the result; "Prüfauftrag an die Verwaltung: Es ist zu prüfen, ob …" also whom
  // the commission is given to.
  const label = lead > 0 ? COMMISSION_LABEL.exec(text.slice(0, lead)) : null;
  if (label) {
    const rest = text.slice(lead + 1).trim();
    const read = rest ? candidatesIn(rest, matcher, state) : [];
    if (read.length > 0 || label[1] === undefined) return read;
    const found = readAddressees(text, text.indexOf(label[1]), matcher, state);
    return found
      ? [candidate(found, text, lead + 1, matcher, 'commission', label[0].trim(), rest, rest)]
      : [];
  }
  const asked = PARTICIPLE.test(text);
  const relative = asked && text.includes(', ') ? RELATIVE_PASSIVE.exec(text) : null;
  if (relative) {
    const candidate = relativeCandidate(text, relative, matcher, state);
    if (candidate) return [candidate];
  }
  const passive = asked ? PASSIVE.exec(text) : null;
  // "Zur Umsetzung werden gebeten: a) der Bund, …, b) die Länder, …": each item asked alone.
  const listed = passive ? passiveListed(text, passive, matcher, state) : undefined;
  if (listed) return listed;
  if (passive) {
    const candidate = passiveCandidate(text, passive, matcher, state);
    return candidate ? [candidate] : [];
  }
  const verbs = [...text.matchAll(ACTIVE)].filter(
    (verb) =>
      (!/^(?:fordert|fordern|lädt|laden)$/.test(verb[1]) ||
        /(?<![\p{L}-])(?:auf|ein)(?![\p{L}-])/u.test(text.slice(verb.index))) &&
      // "beauftragt durch alle D115-Teilnehmer": a participle, nobody is asked.
      !/^\s+(?:durch|von)\s/.test(text.slice((verb.index as number) + verb[0].length)) &&
      // "empfiehlt dem Rat, die Verwaltung ... zu beauftragen": an infinitive, not the decision's verb.
      !/(?<![\p{L}-])zu\s+$/u.test(text.slice(Math.max(0, (verb.index as number) - 4), verb.index)),
  );
  // "Der IT-Planungsrat beschließt: Das BMI ...": what follows the colon has its own subject.
  const subjectOf = (at: number) => {
    const before = text.slice(0, at);
    const colon = before.lastIndexOf(': ');
    return colon >= 0 ? before.slice(colon + 2) : before;
  };
  const firstVerb = verbs[0];
  // "Zur Beförderung des OZG bittet der IT-Planungsrat die ...", "Auf Antrag der CDU beauftragt
  // der Stadtrat die Verwaltung …": the council, or the body deciding, after the verb.
  const afterVerb =
    firstVerb === undefined ? '' : text.slice((firstVerb.index as number) + firstVerb[0].length);
  const councilAfter =
    firstVerb !== undefined &&
    /^\s+(?:der|das)\s+/.test(afterVerb) &&
    (BODY_AFTER_VERB.test(afterVerb) ||
      matcher.findAll(afterVerb.slice(0, 30)).some((m) => m.kind === 'council' && m.start <= 6));
  if (
    firstVerb !== undefined &&
    (councilAfter || decidingSubject(subjectOf(firstVerb.index as number), matcher, state))
  ) {
    state.prefix = text;
    return verbs.flatMap((verb, n) => {
      const end = n + 1 < verbs.length ? (verbs[n + 1].index as number) : text.length;
      const whole = text.slice((verb.index as number) + verb[0].length, end);
      return (listedParts(whole) ?? ellipticalParts(whole, matcher, state)).flatMap((clause, k) => {
        const candidate = activeCandidate(clause, verb[1], text, matcher, state);
        // "Vorbehaltlich ... beauftragt der IT-Planungsrat ...": the opening adverbial is the request's.
        const prefix = n === 0 && k === 0 ? subjectOf(verb.index as number).trim() : '';
        if (candidate && ADVERBIAL_START.test(prefix))
          candidate.clause = `${prefix} ${candidate.clause}`;
        return candidate ? [candidate] : [];
      });
    });
  }
  // "Die FITKO ist zu beauftragen, ...": a request put as what is to be done, its addressee first.
  const toBeAsked = text.includes(' zu ') ? TO_BE_ASKED.exec(text) : null;
  if (toBeAsked) {
    const adverbs = LEADING_ADVERBS.exec(text)?.[0].length ?? 0;
    const found = readAddressees(text, adverbs, matcher, state);
    if (found && found.end <= toBeAsked.index) {
      const rest = text.slice(toBeAsked.index + toBeAsked[0].length);
      return [
        candidate(
          found,
          text,
          found.end,
          matcher,
          'passive-request',
          `ist zu ${toBeAsked[1]}`,
          rest,
        ),
      ];
    }
  }
  // "Die BVV hat beschlossen, das Bezirksamt zu ersuchen, ...": the request as the decision's content.
  const resolved = /zu\s+(?:ersuchen|bitten|beauftragen)/.test(text)
    ? DECIDED_REQUEST.exec(text)
    : null;
  // "Die Bezirksversammlung habe im Mai beschlossen, den Bezirksamtsleiter zu bitten": a speaker's
  // account of another decision (reported speech), not this one.
  if (resolved && !REPORTED_DECISION.test(text.slice(0, resolved.index))) {
    let at = resolved.index + resolved[0].indexOf(resolved[1]);
    // "beschließt einstimmig den Bürgermeister zu beauftragen": the vote word comes first.
    at += LEADING_ADVERBS.exec(text.slice(at))?.[0].length ?? 0;
    const found = readAddressees(text, at, matcher, state);
    if (found && found.end <= resolved.index + resolved[0].length) {
      const after = text.slice(resolved.index + resolved[0].length);
      // "beschließt, die Verwaltung mit der Ausarbeitung eines Konzeptes zu beauftragen.": the
      // task stands between the addressee and the verb.
      const rest = /^[\s.;,]*$/.test(after)
        ? text.slice(found.end, resolved.index + resolved[0].lastIndexOf(' zu '))
        : after;
      return [
        candidate(found, text, found.end, matcher, 'request', `zu ${resolved[2]}`, rest, rest),
      ];
    }
  }
  const decided = text.includes('dass') ? decidedDuty(text, matcher, state) : undefined;
  if (decided) return [decided];
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
    /^(?:Er|Es|Zudem|Ferner|Außerdem|Weiterhin|Darüber hinaus|Daher)\b/.test(subject) ||
    // "Sie bedauert ... und fordert die Verwaltung auf": the body (die Bezirksvertretung), singular.
    /^Sie\s+\p{Ll}+t\b/u.test(subject)
  )
    return true;
  // "Die Ministerinnen und Minister … stellen fest, … Sie bitten den Bund": the officials deciding.
  // "Die Bezirksvertretung unterstützt die Anregung. Sie bittet die Verwaltung, …": the body.
  const last = state.earlier[state.earlier.length - 1]?.trim() ?? '';
  if (
    subject === 'Sie' &&
    ([...state.earlier, state.context].some((text) => DECIDING_OFFICIALS.test(text.trim())) ||
      (/^Die\s+\S+/.test(last) && DECIDING_WORDS.test(/^Die\s+(\S+)/.exec(last)?.[1] ?? '')))
  )
    return true;
  // "Die Ministerinnen und Minister, Senatorinnen und Senatoren ... der Länder bitten": the
  // members' office holders deciding together; "Die GMK", "Die BVV": the body by its abbreviation.
  if (DECIDING_OFFICIALS.test(subject)) return true;
  const mentions = matcher.findAll(subject);
  // "Der AK I bittet": the body by its abbreviation, numbered in Roman or Arabic figures.
  if (
    /^(?:Die|Der|Das)\s+\p{Lu}{2,6}(?:\s+(?:[IVX]{1,4}|\d{1,2}))?$/u.test(subject) &&
    mentions.length === 0
  )
    return true;
  if (mentions.some((mention) => mention.kind === 'council')) return true;
  if (mentions.some((mention) => mention.kind === 'member' || mention.kind === 'group'))
    return false;
  if (state.body && subject.includes(state.body)) return true;
  // "Der Arbeitskreis bittet" in the minutes of the "Arbeitskreis I „Staatsrecht“": the body by its
  // head noun.
  if (
    state.body &&
    /^(?:Die|Der|Das)\s+(\p{L}+)$/u.exec(subject)?.[1] === state.body.split(/\s+/)[0]
  )
    return true;
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
  // "bittet der IT-Planungsrat die Länder", "beauftragt der Stadtrat die Verwaltung": the council
  // or the body deciding, after the verb, is not asked.
  const article = /^(?:der|das)\s+/.exec(clause.slice(at));
  const council = article ? matcher.mentionAt(clause, at + article[0].length) : undefined;
  const body = council?.kind === 'council' ? undefined : BODY_AFTER_VERB.exec(clause.slice(at));
  const end = council?.kind === 'council' ? council.end : body ? at + body[0].length : undefined;
  if (end !== undefined) {
    at = end + (/^\s*/.exec(clause.slice(end))?.[0].length ?? 0);
    at += LEADING_ADVERBS.exec(clause.slice(at))?.[0].length ?? 0;
  }
  // "appelliert an die Länder, … abzuschließen": an appeal, asked of those after "an"; whether
  // the council means it as a duty to follow up is the clerk's call (flagged).
  const appeal = /^appell/.test(verb);
  if (appeal) at += /^an\s+/.exec(clause.slice(at))?.[0].length ?? 0;
  const rest = clause.slice(at);
  // "Die AL-Runde bittet den IT-Planungsrat, … zu beschließen": the council asked to decide is
  // a proposal to it, no task anyone follows up.
  const toCouncil = /^(?:den|dem)\s+/.exec(rest);
  if (toCouncil && matcher.mentionAt(clause, at + toCouncil[0].length)?.kind === 'council')
    return undefined;
  const basisText = appeal ? `${verb} an` : verb;
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
  // "bittet um ...", or no addressee read: those the decision is about, flagged.
  const unnamed = (action: string, words: string): Candidate => {
    const { owners } = fallbackOwners(sentence, state, matcher);
    return {
      owners,
      partners: partnersIn(clause, at, owners, matcher),
      action: actionText(action),
      clause,
      basis: 'request',
      basisText: words,
      uncertain: [owners.length > 0 ? 'owner-inferred' : 'no-owner'],
    };
  };
  const asked = (found: Addressees, words: string) =>
    candidate(
      found,
      clause,
      found.end,
      matcher,
      'request',
      words,
      clause.slice(found.end).replace(/^\s*um\s/, ''),
    );
  // "bittet darum, dass die Gemeinde erneut auf das Unternehmen zugeht": the clause's subject.
  const that = /^(?:darum\s*)?,?\s*dass\s+/.exec(rest);
  if (that) {
    const found = readAddressees(clause, at + that[0].length, matcher, state);
    if (found && found.owners.length > 0)
      return asked(found, `${verb} ${/^darum/.test(rest) ? 'darum, ' : ''}dass`);
  }
  if (/^(?:um|darum)(?:\s|,|$)/.test(rest)) {
    const words = `${verb} ${/^darum/.test(clause.slice(at)) ? 'darum' : 'um'}`;
    return unnamed(rest.replace(/^(?:um|darum,?)\s*/, ''), words);
  }
  const found = readAddressees(clause, at, matcher, state);
  // An appeal to others than the council's members and bodies ("an die Wirtschaft", "an Frieden
  // und Freiheit") is a statement, not a task to follow up.
  if (appeal && (!found || !found.owners.every((o) => matcher.isKnownOwner(o)))) return undefined;
  const read = found ? asked(found, basisText) : unnamed(rest, basisText);
  if (appeal) read.uncertain.push('request-unclear');
  return read;
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
  // "Der IT-Planungsrat wird gebeten, … zur Kenntnis zu nehmen" (a proposal put to it): the council
  // asked to decide is no task anyone follows up.
  const asked = /^(?:Der|Dem)\s+/.exec(subject);
  const council = asked ? matcher.mentionAt(subject, asked[0].length) : undefined;
  if (council?.kind === 'council' && council.end === subject.length) return undefined;
  const middleAt = passive.index + passive[0].indexOf(passive[1]);
  const middleStart = middleAt + (passive[1].length - passive[1].trimStart().length);
  // "werden die Länder eingeladen": the subject follows the verb.
  const inverted =
    !subject || ADVERBIAL_START.test(subject)
      ? readAddressees(text, middleStart, matcher, state, true)
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
  const basisText = `${/^\S+/.exec(passive[0])?.[0] ?? 'wird'} ${passive[2]}`;
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
  // "Die Verwaltung wird mit der Ausschreibung beauftragt.": nothing follows the participle, the
  // task stands before it.
  const after = text.slice(afterVerb);
  const participleAt = passive.index + passive[0].lastIndexOf(passive[2]);
  const middle = text.slice(Math.max(found.end, middleStart), participleAt).trim();
  const action = /\p{L}/u.test(after) || !middle ? after : `${middle} ${passive[2]}`;
  return candidate(found, text, found.end, matcher, 'passive-request', basisText, action);
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

function decidedDuty(
  text: string,
  matcher: OwnerMatcher,
  state: DecisionState,
): Candidate | undefined {
  const decided = DECIDED_DUTY.exec(text);
  // "Es wird vereinbart, dass …", "Im Ergebnis wird festgehalten, dass …" in minutes: agreed.
  const agreed = decided && /^(?:Es|Im\s+Ergebnis)\s+$/.test(text.slice(0, decided.index));
  if (!decided || (!agreed && !decidingSubject(text.slice(0, decided.index), matcher, state)))
    return undefined;
  const clauseAt = decided.index + decided[0].length;
  const clause = text.slice(clauseAt).split(';')[0];
  if (!DUTY_END.test(clause)) return undefined;
  // "erwartet von den Ländern, dass sie ...": the pronoun is those the council expects it of.
  const pronoun = /^(?:sie|er|es)\s/.test(clause);
  const fromAt = decided[2] ? decided.index + decided[0].indexOf(decided[2]) : -1;
  const found =
    pronoun && fromAt >= 0
      ? readAddressees(text, fromAt, matcher, state)
      : readAddressees(text, clauseAt, matcher, state, /^(?:Herr|Frau|Hr\.|Fr\.)\s/.test(clause));
  if (!found) return undefined;
  const from = pronoun ? clauseAt + clause.indexOf(' ') : found.end;
  // "dass Herr Dr. Lange (i. V. für TH) …": the person stands for the member in brackets.
  const stands = personsFor(found, text, matcher);
  const c = candidate(
    stands ? { ...found, owners: stands } : found,
    text,
    from,
    matcher,
    'request',
    `${decided[1].split(/\s+/)[0]}, dass`,
    text.slice(from),
    text.slice(clauseAt),
  );
  if (stands) c.uncertain.push('owner-inferred');
  return c;
}
