import type { Registry } from '../extraction.types';
import { escapeRegExp } from '../text/escape-regexp';

export type MentionKind = 'member' | 'group' | 'body' | 'council';

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

interface Alias {
  alias: string;
  kind: MentionKind;
  owners: string[];
}

const ARTICLE =
  /^(?:der|die|das|den|dem|des|ein|eine|einen|seine|seinen|seiner|ihre|ihren|ihrer|alle|allen)\s+/i;
/** A lowercase adjective between article and name ("das federführende Land Bremen"). */
const ADJECTIVE = /^(?:[a-zäöüß]+(?:e|en|em|er))\s+/;
const FILLER = /^(?:Land|Länder|Landes|Freistaat|Freistaaten|Stadtstaat|Stadtstaaten)\s+/;
const CONNECTOR =
  /^(?:,\s*(?:und|sowie|sowie auch|oder)?|und|sowie|bzw\.|oder|als auch|wie auch)\s+/;
/** Heads of names of working bodies, so an unknown "Arbeitsgruppe Föderale Datenstrategie" is kept. */
export const BODY_HEAD =
  /(?:gruppe|gremium|gremien|ausschuss|runde|projekt|programm|rat|amt|stelle|behörde|ministerium|konferenz|kreis|verbund|management|akademie|zentrum|team|beauftragte[rn]?|büro|netzwerk|kommission|AG|KG|PG|UAG)$/;
const NAME_WORD = /^(?:[\p{Lu}\d][\p{L}\d./&+-]*|[\p{Ll}]+[\p{Lu}][\p{L}\d-]*)/u;
const NAME_LINK = /^(?:für|der|des|und|von|zur|zum|im|in der|in)\s+(?=[\p{Lu}])/u;

/** Text as mentions are matched: no quotes, no short parenthetical abbreviations "(KG)". */
export function matchableText(text: string): string {
  return text
    .replace(/[„“”"‚‘’«»]/g, '')
    .replace(/\s*\([^()]{1,15}\)/g, '')
    .replace(/\s+/g, ' ');
}

/** Finds the registry's members, groups and bodies in text, and reads addressee lists. */
export class OwnerMatcher {
  private readonly exact: RegExp;
  private readonly folded: RegExp;
  /** The same patterns, sticky: they match only where asked. */
  private readonly exactAt: RegExp;
  private readonly foldedAt: RegExp;
  private readonly byAlias = new Map<string, Alias>();

  constructor(private readonly registry: Registry) {
    const aliases: Alias[] = [
      ...registry.council.aliases.map((alias) => ({ alias, kind: 'council' as const, owners: [] })),
      ...registry.members.flatMap((m) =>
        [m.code, ...m.aliases].map((alias) => ({
          alias,
          kind: 'member' as const,
          owners: [m.code],
        })),
      ),
      ...registry.groups.flatMap((g) =>
        [g.name, ...g.aliases].map((alias) => ({
          alias,
          kind: 'group' as const,
          owners: g.expandsTo,
        })),
      ),
      ...registry.bodies.flatMap((b) =>
        [b.name, ...b.aliases].map((alias) => ({ alias, kind: 'body' as const, owners: [b.name] })),
      ),
    ];
    const short: string[] = [];
    const long: string[] = [];
    for (const a of aliases) {
      const alias = matchableText(a.alias).trim();
      if (!alias) continue;
      const isShort = alias.length <= 3;
      const key = isShort ? alias : alias.toLowerCase();
      if (!this.byAlias.has(key)) this.byAlias.set(key, { ...a, alias });
      (isShort ? short : long).push(alias);
    }
    const alternation = (list: string[]) =>
      [...new Set(list)]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|');
    this.exact = new RegExp(
      `(?<![\\p{L}\\p{N}-])(?:${alternation(short) || '(?!)'})(?![\\p{L}\\p{N}-])`,
      'gu',
    );
    this.folded = new RegExp(
      `(?<![\\p{L}\\p{N}-])(?:${alternation(long) || '(?!)'})(?![\\p{L}\\p{N}-])`,
      'giu',
    );
    this.exactAt = new RegExp(this.exact.source, 'uy');
    this.foldedAt = new RegExp(this.folded.source, 'iuy');
  }

  get councilAliases(): string[] {
    return this.registry.council.aliases;
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
    for (const pattern of [this.foldedAt, this.exactAt]) {
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

  private lookup(text: string): Alias | undefined {
    return this.byAlias.get(text) ?? this.byAlias.get(text.toLowerCase());
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
  ): { owners: string[]; names: UnknownName[]; end: number } | undefined {
    const owners: string[] = [];
    const names: UnknownName[] = [];
    let at = pos;
    let end = -1;
    let first = true;
    for (;;) {
      const element = this.readElement(text, at, first && options.unknownFirst);
      if (!element) break;
      if (element.kind === 'council') break;
      if (element.name) names.push(element.name);
      for (const owner of element.owners) if (!owners.includes(owner)) owners.push(owner);
      end = element.end;
      first = false;
      const gap = /^\s*/.exec(text.slice(end))?.[0].length ?? 0;
      const connector = CONNECTOR.exec(text.slice(end + gap));
      if (!connector) break;
      at = end + gap + connector[0].length;
    }
    return end < 0 ? undefined : { owners, names, end };
  }

  private readElement(
    text: string,
    pos: number,
    allowAnyName: boolean,
  ):
    | { owners: string[]; kind: MentionKind | 'unknown'; end: number; name?: UnknownName }
    | undefined {
    let at = pos;
    const direct = this.mentionAt(text, at);
    if (!direct) {
      const article = ARTICLE.exec(text.slice(at));
      if (article) at += article[0].length;
      let adjective: RegExpExecArray | null;
      while (!this.mentionAt(text, at) && (adjective = ADJECTIVE.exec(text.slice(at))) !== null) {
        at += adjective[0].length;
      }
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
        const gap = /^\s+/.exec(text.slice(mention.end))?.[0].length ?? 0;
        const next = gap > 0 ? this.mentionAt(text, mention.end + gap) : undefined;
        if (next?.kind === 'member') return this.readElement(text, mention.end + gap, false);
      }
      return { owners: mention.owners, kind: mention.kind, end: mention.end };
    }
    const name = readUnknownName(text, at, this);
    if (!name) return undefined;
    if (!allowAnyName && !BODY_HEAD.test(name.head)) return undefined;
    return { owners: [name.name], kind: 'unknown', end: name.end, name };
  }
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
  const article = ARTICLE.exec(text.slice(at));
  if (article) at += article[0].length;
  let adjective: RegExpExecArray | null;
  while ((adjective = ADJECTIVE.exec(text.slice(at))) !== null) at += adjective[0].length;
  const start = at;
  const head = NAME_WORD.exec(text.slice(at));
  if (!head) return undefined;
  at += head[0].length;
  let end = at;
  for (;;) {
    const gap = /^\s+/.exec(text.slice(end))?.[0] ?? '';
    const rest = text.slice(end + gap.length);
    const link = NAME_LINK.exec(rest);
    const afterLink = link ? rest.slice(link[0].length) : rest;
    const word = NAME_WORD.exec(afterLink);
    if (!word || (!gap && !link)) break;
    const wordAt = end + gap.length + (link ? link[0].length : 0);
    if (link && /^und\s/.test(link[0]) && matcher?.mentionAt(text, wordAt)) break;
    if (!link && matcher?.mentionAt(text, wordAt)?.kind === 'council') break;
    end = wordAt + word[0].length;
  }
  const name = text.slice(start, end).replace(/[.,;:]+$/, '');
  if (!name || /^(?:Er|Sie|Es|Dabei|Hierzu|Zudem|Ferner)$/.test(name)) return undefined;
  return { name, head: head[0], start, end: start + name.length };
}
