import type { Registry } from '../extraction.types';
import { escapeRegExp } from '../text/escape-regexp';
import { matchableText } from './mention-text';
import { registryAliases, type Alias, type MentionKind } from './owner-aliases';

export type { MentionKind } from './owner-aliases';

/** A place in a text that names a possible owner. */
export interface Mention {
  start: number;
  end: number;
  kind: MentionKind;
  /** Canonical owners: member codes, or a body's registry name. */
  owners: string[];
  /** The words as written. */
  text: string;
}

const ARTICLE =
  /^(?:der|die|das|den|dem|des|ein|eine|einen|seine|seinen|seiner|ihre|ihren|ihrer|alle|allen)\s+/i;
/** A lowercase adjective between article and name ("das federführende Land Bremen"). */
const ADJECTIVE = /^(?:[a-zäöüß]+(?:e|en|em|er))\s+/;
const FILLER = /^(?:Land|Länder|Landes|Freistaat|Freistaaten|Stadtstaat|Stadtstaaten)\s+/;
const CONNECTOR =
  /^(?:,\s*(?:und|sowie|sowie auch|oder)?|und|sowie|bzw\.|oder|als auch|wie auch)\s+/;
const BODY_SUFFIX =
  /(?:gruppe|gremium|gremien|ausschuss|runde|projekt|programm|rat|amt|stelle|behörde|behörden|planer|gutachter|architekten|ingenieure|ingenieurbüro|auftragnehmer|ministerium|konferenz|kreis|verbund|management|akademie|zentrum|team|beauftragte[rn]?|büro|netzwerk|kommission|stab|verwaltung|gemeinschaft|leitung|fachbereich|referat|abteilung|sachgebiet|fachdienst|initiative|einheit|kooperation|bürgermeister|bürgermeisterin|direktor|direktorin|vorstand|magistrat|senat|präsident|präsidentin|dezernat|dezernent|dezernentin|landrätin|geschäftsführung|partner|teilnehmer|federführer|federführende|federführenden|beteiligten|verantwortlichen|zuständigen|paten|werke|betrieb|betriebe|gesellschaft|feuerwehr|polizei|wirtschaftsförderung|bauhof|jugendpflege|board|forum|komitee|konsortium|steuerung)$/;
const BODY_ABBREVIATION = /(?:AG|KG|PG|UAG|AK|GmbH|AöR)$/;
/** Heads of names of working bodies ("Arbeitsgruppe", "Stadtplanungsamt", "Verwaltung", "AG"). */
export const BODY_HEAD = {
  test: (word: string): boolean =>
    BODY_SUFFIX.test(word.toLowerCase()) || BODY_ABBREVIATION.test(word),
};
/** Heads that name people in a role, not a body: kept with their adjective ("federführende Partner"). */
const GENERIC_HEAD = /^(?:Partner|Teilnehmer|Teilnehmenden|Beteiligten|Träger|Federführer)$/;
/** Words that only introduce the members named after them ("die Federführer Sachsen-Anhalt und den Bund"). */
const INTRO = /^(?:Federführer(?:innen)?|Federführern|Themenpaten|Partner(?:länder)?)\s+/;
/** Word characters of names; U+00A0 joins the words of a quoted name ("Cloud-Computing und digitale Souveränität"). */
const NAME_WORD = /^(?:[\p{Lu}\d][\p{L}\d./&+\u00a0-]*|[\p{Ll}]+[\p{Lu}][\p{L}\d-]*)/u;
const NAME_LINK = /^(?:für|der|des|und|von|zur|zum|im|in der|in|am|beim)\s+(?=[\p{Lu}])/u;
/** A person by title and surname: "Herr Jacobsen", "Frau Dr. Weber", "Herrn Prof. Dr. Müller-Lüdenscheidt". */
const PERSON =
  /^(Herrn?|Frau|Hr\.|Fr\.|(?:Erste[rn]?\s+|Zweite[rn]?\s+)?(?:Ober)?[Bb]ürgermeister(?:in)?|Landrat|Landrätin|Stadtrat|Stadträtin|Ratsherr|Ratsfrau|Ortsvorsteher(?:in)?|Bezirksvorsteher(?:in)?|Amtsdirektor(?:in)?|Kreisrat|Kreisrätin)\s+((?:(?:Dr|Prof)\.\s*)*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])/u;
/**
 * A federal ministry by name or abbreviation ("Bundesministerium für Arbeit und Soziales", "BMG",
 * "BMFSFJ", "das Bundeskanzleramt"); names end before a comma, "zu", or a lowercase word.
 */
const FEDERAL_MINISTRY =
  /(?:Bundesministeri(?:um|ums)|Bundesminister(?:in)?)\s+(?:für|des|der)\s+\p{Lu}[\p{L}-]*(?:(?:,\s+|\s+(?:und|für|des|der)\s+)\p{Lu}[\p{L}-]*)*(?:\s+\(BM[\p{L}]{1,6}\))?|Bundeskanzleramt(?:es|s)?|BM[A-Z][A-Za-z]{0,5}(?![\p{L}\p{N}-])/uy;
/** Nouns that follow an office's name without being a surname ("Bürgermeister Amt", "Landrat Kreis"). */
const NOT_A_SURNAME =
  /^(?:Amt|Kreis|Rat|Stadt|Gemeinde|Verwaltung|Beschluss|Sitzung|Bericht|Vorlage|Antrag|Die|Der|Das)$/;
const SENTENCE_ARTICLE =
  /^(?:Die|Der|Das|Den|Dem|Des|Ein|Eine|Einen|Er|Sie|Es)\s+(?!(?:Linke|Grünen|PARTEI|Partei)(?![\p{L}-]))/u;
/** An owner that is a person named by title and surname ("Herr Jacobsen"). */
export function isPerson(owner: string): boolean {
  return PERSON.test(owner);
}
const APPOSITION = /^\s+als\s+[\p{Lu}][\p{L}-]*/u;
/** "(KoSIT)", "(BMI)": an abbreviation the text gives a name. */
const PARENTHETICAL = /^\s*\([^()]{1,60}\)/;
const ABBREVIATION = /^\s*\(\p{Lu}[\p{L}\d/ -]{0,13}\)/u;
/** Capitalised words that open a sentence part, never a name ("In 2018", "Bis dahin"). */
const NOT_A_NAME_START =
  /^(?:In|Im|Bis|Ab|Auf|Mit|Für|Zur|Zum|Nach|Vor|Bei|Unter|Um|Aus|Über|Durch|Ohne|Gegen|Seit|Dabei|Hierzu|Hierfür|Darüber|Zudem|Ferner|Außerdem|Daher|Dies|Diese|Dieser|Dieses|Entsprechend|Ergänzend|Anschließend|Gemäß|Sofern|Soweit|Sobald|Wenn|Damit|Darauf|Insbesondere|Zunächst|Künftig|Zukünftig|Aufgrund|Bezüglich|Hinsichtlich|Angesichts|Wegen|Trotz|Halbjährlich|Vierteljährlich|Jährlich|Monatlich|Quartalsweise|Regelmäßig|Jeweils|Danach|Daran|Dafür|Als)$/;
/** Work, not workers: "die Arbeiten", "die Maßnahmen". */
const WORK_NOUN =
  /^(?:Arbeiten|Arbeit|Aufgaben|Aufgabe|Tätigkeit|Tätigkeiten|Vorarbeiten|Schritte|Prozesse|Verfahren)$/;
/** Nouns after "zur", "im" … that end a name ("zur Kenntnis", "zur Verfügung", "im Rahmen"). */
const LINKED_NON_NAME =
  /^(?:Kenntnis|Verfügung|Beschlussfassung|Entscheidung|Umsetzung|Rahmen|Auftrag|Vorbereitung|Unterstützung|Abstimmung|Prüfung|Billigung|Sitzung)$/;
/** Adjectives used as nouns for people in a role ("die Federführenden", "die Beteiligten"). */
const NOMINALISED = /^\p{Lu}\p{Ll}*(?:end|lich|ig|ligt|tigt|troffen)en$/u;
/** What bodies are asked for: such a noun after a name is its object, not part of it. */
const DELIVERABLE =
  /^(?:Vorschläge?|Vorschlags?|Berichte?|Berichts?|Konzepte?|Konzepts?|Empfehlungen|Empfehlung|Entw(?:u|ü)rfe?|Stellungnahmen?|Unterlagen|Informationen|Maßnahmen|Ergebnisse?|Roadmap|Analysen?|Übersicht|Zwischenberichte?|Sachstand|Planungen?|Pläne|Plan|Kriterienkatalog|Grobplanung|Umsetzung|Anforderungen|Eckpunkte|Leitfaden|Vertragsbedingungen|Grundprinzipien|Audit|Prüfung)$/;

/** Lookup key of an alias: case, hyphens and the spaces of quoted names do not matter. */
function aliasKey(alias: string): string {
  return alias.toLowerCase().replace(/[\s\u00a0-]+/g, ' ');
}

/** A dative after the addressees' comma: "dem Bund", "der FITKO", "den Ländern". */
const DATIVE = /^(?:dem|der)\s+\p{Lu}|^den\s+\p{Lu}\p{L}*ern(?![\p{L}-])/u;
/**
 * "die Länder, die bisher nicht gemeldet haben, …": a relative clause right after a group, closed
 * by a comma; not the object of the task ("seine Mitglieder, die erforderlichen Schritte … zu tun").
 */
const RESTRICTING_CLAUSE =
  /^\s*,\s*(?:die|denen|deren|welche)\s+(?![^,.;]*(?:\szu\s+\p{Ll}|\p{Ll}zu\p{Ll}{3,}en\b))[^,.;]{1,120}?\s\p{Ll}+(?:en|t)\s*,/u;
/** Words after a group that leave some of it out. */
const EXCEPT =
  /^\s*,?\s*(?:mit\s+Ausnahme\s+(?:von\s+)?|außer\s+|ausgenommen\s+|ausgenommen\s+sind\s+)/;

/** Finds the registry's members, groups and bodies in text, and reads addressee lists. */
export class OwnerMatcher {
  private readonly exact: RegExp;
  private readonly folded: RegExp;
  /**
   * The same patterns, sticky (they match only where asked), per first letter (lowercase) of the
   * aliases they hold: at a position, only the aliases that can start there are tried (speed).
   */
  private readonly atByFirst = new Map<string, RegExp[]>();
  private readonly byAlias = new Map<string, Alias>();

  constructor(private readonly registry: Registry) {
    const aliases = registryAliases(registry);
    const short: string[] = [];
    const long: string[] = [];
    for (const a of aliases) {
      const alias = matchableText(a.alias).trim();
      if (!alias) continue;
      const isShort = alias.length <= 3;
      const key = isShort ? alias : aliasKey(alias);
      if (!this.byAlias.has(key)) this.byAlias.set(key, { ...a, alias });
      (isShort ? short : long).push(alias);
    }
    // Spaces and hyphens inside an alias match either ("Cloud-Computing" = "Cloud Computing").
    const alternation = (list: string[]) =>
      [...new Set(list)]
        .sort((a, b) => b.length - a.length)
        .map((alias) => escapeRegExp(alias).replace(/[- ]/g, '[ \\u00a0-]'))
        .join('|');
    this.exact = new RegExp(
      `(?<![\\p{L}\\p{N}-])(?:${alternation(short) || '(?!)'})(?![\\p{L}\\p{N}-])`,
      'gu',
    );
    this.folded = new RegExp(
      `(?<![\\p{L}\\p{N}-])(?:${alternation(long) || '(?!)'})(?![\\p{L}\\p{N}-])`,
      'giu',
    );
    const firsts = new Set([...short, ...long].map((alias) => alias.charAt(0).toLowerCase()));
    const sticky = (list: string[], flags: string) =>
      new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternation(list)})(?![\\p{L}\\p{N}-])`, flags);
    for (const first of firsts) {
      const starts = (alias: string) => alias.charAt(0).toLowerCase() === first;
      const folded = long.filter(starts);
      const exact = short.filter(starts);
      this.atByFirst.set(first, [
        ...(folded.length > 0 ? [sticky(folded, 'iuy')] : []),
        ...(exact.length > 0 ? [sticky(exact, 'uy')] : []),
      ]);
    }
  }

  get councilAliases(): string[] {
    return this.registry.council.aliases;
  }

  /** A member code or a body's registry name: an owner the registry knows. */
  isKnownOwner(owner: string): boolean {
    return (
      this.registry.members.some((m) => m.code === owner) ||
      this.registry.bodies.some((b) => b.name === owner)
    );
  }

  /** How a reader names an owner: a member's name for its code ("Bremen" for "HB"). */
  nameOf(owner: string): string {
    return this.registry.members.find((m) => m.code === owner)?.name ?? owner;
  }

  isState(code: string): boolean {
    return this.registry.members.some((m) => m.code === code && m.kind === 'state');
  }

  /** The codes of all Länder, in the registry's order. */
  states(): string[] {
    return this.registry.members.filter((m) => m.kind === 'state').map((m) => m.code);
  }

  /** Non-overlapping mentions, leftmost first, longest where two start together. */
  findAll(text: string): Mention[] {
    const found: Mention[] = [];
    for (const pattern of [this.folded, this.exact]) {
      pattern.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = pattern.exec(text)) !== null) {
        const alias = this.lookup(match[0]);
        if (alias) {
          found.push({
            start: match.index,
            end: match.index + match[0].length,
            kind: alias.kind,
            owners: alias.owners,
            text: match[0],
          });
        }
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Mention[] = [];
    for (const mention of found) {
      const last = kept[kept.length - 1];
      if (last && mention.start < last.end) continue;
      kept.push(mention);
    }
    return kept;
  }

  /** The mention that starts exactly at `pos`. */
  mentionAt(text: string, pos: number): Mention | undefined {
    return this.registryMentionAt(text, pos) ?? this.federalMinistryAt(text, pos);
  }

  private registryMentionAt(text: string, pos: number): Mention | undefined {
    // Most positions start no alias: their first letter tells (speed).
    const patterns = this.atByFirst.get(text.charAt(pos).toLowerCase());
    if (!patterns) return undefined;
    for (const pattern of patterns) {
      pattern.lastIndex = pos;
      const match = pattern.exec(text);
      if (!match) continue;
      const alias = this.lookup(match[0]);
      if (alias) {
        return {
          start: pos,
          end: pos + match[0].length,
          kind: alias.kind,
          owners: alias.owners,
          text: match[0],
        };
      }
    }
    return undefined;
  }

  /**
   * "das BMG", "das Bundesministerium für Gesundheit", "die Bundesministerin für Bildung": a federal
   * ministry the registry does not list by name is the federation's (the member of kind federation).
   */
  private federalMinistryAt(text: string, pos: number): Mention | undefined {
    if (text.charAt(pos) !== 'B') return undefined;
    const federation = this.registry.members.find((m) => m.kind === 'federation');
    if (!federation) return undefined;
    FEDERAL_MINISTRY.lastIndex = pos;
    const match = FEDERAL_MINISTRY.exec(text);
    if (!match) return undefined;
    let written = match[0].replace(/[\s,]+$/u, '');
    // "die Bundesministerin für Bildung und Bremen": the name ends where a member's begins.
    for (const link of written.matchAll(/(?:,\s+|\s+und\s+)(?=\p{Lu})/gu)) {
      const next = pos + (link.index as number) + link[0].length;
      if (this.registryMentionAt(text, next)) {
        written = written.slice(0, link.index);
        break;
      }
    }
    return {
      start: pos,
      end: pos + written.length,
      kind: 'member',
      owners: [federation.code],
      text: written,
    };
  }

  private lookup(text: string): Alias | undefined {
    return this.byAlias.get(text) ?? this.byAlias.get(aliasKey(text));
  }

  /** The registry's name for a name as written, where the registry knows it. */
  canonical(name: string): { kind: MentionKind; owners: string[] } | undefined {
    const alias = this.lookup(name.trim());
    return alias ? { kind: alias.kind, owners: alias.owners } : undefined;
  }

  /**
   * Reads a list of addressees at `pos` ("Bremen und Bayern", "die Länder Bayern, Baden-Württemberg
   * und Hamburg sowie den Bund", "Bund, Länder und Kommunen", "die Arbeitsgruppe X").
   * Returns the owners in order of mention and where the list ends, or undefined.
   */
  readList(
    text: string,
    pos: number,
    options: { unknownFirst: boolean },
  ):
    | {
        owners: string[];
        names: UnknownName[];
        end: number;
        restricted: string[];
        /** A group kept to some of its members by a relative clause ("die Länder, die …"). */
        subset: boolean;
      }
    | undefined {
    const owners: string[] = [];
    const names: UnknownName[] = [];
    const restricted: string[] = [];
    let at = pos;
    let end = -1;
    let first = true;
    /** After a bare comma the next name belongs to the list only if the list goes on after it. */
    let afterComma = false;
    let groups = 0;
    for (;;) {
      // "bittet die FITKO, dem Bund und den Ländern … vorzulegen": after the comma, whom the task
      // is for (dative), not more addressees.
      if (afterComma && DATIVE.test(text.slice(at, at + 40))) break;
      const element = this.readElement(text, at, first && options.unknownFirst);
      if (!element) break;
      if (element.kind === 'council') break;
      let next = element.end;
      const parenthetical = PARENTHETICAL.exec(text.slice(next));
      if (parenthetical) next += parenthetical[0].length;
      // "Hessen als Themenpate und die AG Cloud": the role does not end the list.
      const apposition = APPOSITION.exec(text.slice(next));
      if (apposition) next += apposition[0].length;
      const gap = /^\s*/.exec(text.slice(next))?.[0].length ?? 0;
      const connector = CONNECTOR.exec(text.slice(next + gap));
      // "bittet den Vorsitz, die Konferenz ... zu informieren": the comma ends the addressees.
      if (afterComma && !connector) break;
      if (element.name) names.push(element.name);
      if (element.kind === 'group' && !element.restricted) groups++;
      if (element.restricted) restricted.push(element.restricted);
      else for (const owner of element.owners) if (!owners.includes(owner)) owners.push(owner);
      end = next;
      first = false;
      if (!connector) break;
      afterComma = /^,\s*$/.test(connector[0]);
      at = next + gap + connector[0].length;
    }
    if (end < 0) return undefined;
    // "die Länder, die bisher nicht gemeldet haben": a relative clause keeps only some of a group.
    const subset = groups > 0 && RESTRICTING_CLAUSE.test(text.slice(end, end + 160));
    // "die Länder mit Ausnahme von Bayern", "alle Länder außer Hamburg": those named are left out.
    const except = EXCEPT.exec(text.slice(end));
    if (except) {
      const left = this.readList(text, end + except[0].length, { unknownFirst: false });
      if (left && left.owners.length > 0) {
        const kept = owners.filter((o) => !left.owners.includes(o));
        if (kept.length > 0) return { owners: kept, names, end: left.end, restricted, subset };
      }
    }
    return { owners, names, end, restricted, subset };
  }

  private readElement(
    text: string,
    pos: number,
    allowAnyName: boolean,
  ):
    | {
        owners: string[];
        kind: MentionKind | 'unknown';
        end: number;
        name?: UnknownName;
        /** A group named with a restricting word ("die beteiligten Länder"): not all of it. */
        restricted?: string;
      }
    | undefined {
    let at = pos;
    const adjectives: string[] = [];
    const direct = this.mentionAt(text, at);
    if (!direct) {
      const article = ARTICLE.exec(text.slice(at));
      if (article) at += article[0].length;
      let adjective: RegExpExecArray | null;
      while (!this.mentionAt(text, at) && (adjective = ADJECTIVE.exec(text.slice(at))) !== null) {
        adjectives.push(adjective[0].trim());
        at += adjective[0].length;
      }
    }
    const intro = INTRO.exec(text.slice(at));
    if (intro && this.mentionAt(text, at + intro[0].length)?.kind === 'member') {
      at += intro[0].length;
    }
    let mention = this.mentionAt(text, at);
    if (!mention) {
      const filler = FILLER.exec(text.slice(at));
      if (filler) {
        const after = this.mentionAt(text, at + filler[0].length);
        if (after?.kind === 'member') mention = after;
      }
    }
    if (mention) {
      // "die Länder Bayern, Baden-Württemberg und Hamburg": the group only introduces the list.
      if (mention.kind === 'group') {
        // "die Mitglieder aus Bund, Hessen und Bremen": the members named after the group.
        const gap =
          /^\s+(?:(?:aus|von)\s+(?:dem\s+|den\s+)?)?/.exec(text.slice(mention.end))?.[0].length ??
          0;
        const next = gap > 0 ? this.mentionAt(text, mention.end + gap) : undefined;
        if (next?.kind === 'member') return this.readElement(text, mention.end + gap, false);
        if (adjectives.length > 0) {
          const phrase = `${adjectives.map(nominative).join(' ')} ${mention.text}`;
          return { owners: mention.owners, kind: 'group', end: mention.end, restricted: phrase };
        }
      }
      return { owners: mention.owners, kind: mention.kind, end: mention.end };
    }
    const name = readUnknownName(text, at, this);
    if (!name) return undefined;
    // "der Bau- und Wegeausschussvorsitzende": a compound's head is its last word.
    if (!allowAnyName && !BODY_HEAD.test(name.head) && !namesARole(name.name)) return undefined;
    if (adjectives.length > 0 && GENERIC_HEAD.test(name.name)) {
      name.name = `${adjectives.map(nominative).join(' ')} ${name.name}`;
    }
    return { owners: [name.name], kind: 'unknown', end: name.end, name };
  }
}

/**
 * "die Amtsleiterin", "der Bauausschussvorsitzende": a person by the office they hold; "der Bau-
 * und Wegeausschuss": a body whose compound head is its last word.
 */
function namesARole(name: string): boolean {
  const last = name.slice(name.lastIndexOf(' ') + 1);
  return ROLE_SUFFIX.test(last.toLowerCase()) || (/-\s+und\s/.test(name) && BODY_HEAD.test(last));
}
const ROLE_SUFFIX = /(?:vorsitzende[nr]?|vorsteher(?:in)?|leiter(?:in)?)$/;

/** "federführenden" -> "federführende": the plural nominative a name is stored in. */
function nominative(adjective: string): string {
  return adjective.replace(/en$/, 'e');
}

/** An addressee the registry does not know, kept by its name. */
export interface UnknownName {
  name: string;
  /** The first word ("Arbeitsgruppe"), used to resolve "die Arbeitsgruppe" to a named one. */
  head: string;
  start: number;
  end: number;
}

/** Reads a capitalised name at `pos` ("Arbeitsgruppe Föderale Datenstrategie"). */
export function readUnknownName(
  text: string,
  pos: number,
  matcher?: OwnerMatcher,
): UnknownName | undefined {
  let at = pos;
  // "Herr Jacobsen wird gebeten, ...", "bittet Frau Dr. Weber": a person asked by name.
  const person = PERSON.exec(text.slice(at));
  if (person) {
    // "Bürgermeister Schulze wird gebeten": but "Bürgermeister Beschluss" names no person.
    if (!/^(?:Herrn?|Frau)$/.test(person[1]) && NOT_A_SURNAME.test(person[2])) return undefined;
    const name = `${person[1].replace(/^Herrn$/, 'Herr')} ${person[2]}`;
    return { name, head: person[1], start: at, end: at + person[0].length };
  }
  const article = ARTICLE.exec(text.slice(at));
  if (article) at += article[0].length;
  let adjective: RegExpExecArray | null;
  while ((adjective = ADJECTIVE.exec(text.slice(at))) !== null) at += adjective[0].length;
  const start = at;
  const head = NAME_WORD.exec(text.slice(at));
  // "bittet die Arbeiten fortzusetzen": what is to be done is no addressee.
  if (
    !head ||
    NOT_A_NAME_START.test(head[0]) ||
    DELIVERABLE.test(head[0]) ||
    WORK_NOUN.test(head[0])
  )
    return undefined;
  at += head[0].length;
  let end = at;
  for (;;) {
    const gap = /^\s+/.exec(text.slice(end))?.[0] ?? '';
    const rest = text.slice(end + gap.length);
    const link = NAME_LINK.exec(rest);
    const afterLink = link ? rest.slice(link[0].length) : rest;
    const word = NAME_WORD.exec(afterLink);
    if (!word || (!gap && !link)) break;
    if (!link && (DELIVERABLE.test(word[0]) || NOT_A_NAME_START.test(word[0]))) break;
    // "… der Verwaltung Die Verwaltung berichtet": a capital article opens a sentence, not more of
    // the name (a party's "Die Linke" excepted).
    if (!link && SENTENCE_ARTICLE.test(afterLink)) break;
    // A quoted name ends at its closing quote; "zur Kenntnis" is never part of a name.
    if (text.slice(start, end).includes('\u00a0')) break;
    if (link && LINKED_NON_NAME.test(word[0])) break;
    const wordAt = end + gap.length + (link ? link[0].length : 0);
    if (link && /^und\s/.test(link[0]) && matcher?.mentionAt(text, wordAt)) break;
    if (!link && matcher?.mentionAt(text, wordAt)?.kind === 'council') break;
    end = wordAt + word[0].length;
  }
  const abbreviation = ABBREVIATION.exec(text.slice(end));
  if (abbreviation) end += abbreviation[0].length;
  const written = text.slice(start, end).replace(/[.,;:]+$/, '');
  let name = written;
  // "die Federführenden des Projektes": a nominalised adjective, stored as "Federführende".
  if (NOMINALISED.test(head[0])) name = name.replace(/^(\S+)n\b/u, '$1');
  // "Der Erweiterte Steuerungskreis", "Das Föderale IT-Architekturboard": named without the
  // article, as "Erweiterter Steuerungskreis" and "Föderales IT-Architekturboard".
  const weak = /^(\p{Lu}\p{Ll}+e)\s+(\S+)/u.exec(name);
  const gender = /(?<![\p{L}])(der|das)\s+$/iu
    .exec(text.slice(Math.max(0, start - 4), start))?.[1]
    .toLowerCase();
  if (weak && gender && !BODY_HEAD.test(weak[1]) && BODY_HEAD.test(weak[2]))
    name = `${weak[1]}${gender === 'der' ? 'r' : 's'}${name.slice(weak[1].length)}`;
  if (!name || /^(?:Er|Sie|Es|Ihn|Dabei|Hierzu|Zudem|Ferner|Frau|Herr)$/.test(name))
    return undefined;
  if (/^(?:Frau|Herr|Dr\.|Prof\.)\s/.test(name)) return undefined;
  return { name, head: head[0], start, end: start + written.length };
}
