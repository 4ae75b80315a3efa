import {
  findLinks,
  linkTargets,
  ownersIn,
  OwnerMatcher,
  type EarlierMandate,
  type Extraction,
  type FoundLink,
  type Registry,
  LINK_HORIZON_SESSIONS,
  LINK_HORIZON_YEARS,
} from '@app/extraction';
import { DecisionLinkRepository, type DecisionLink } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { KeptMandates } from './kept-mandates';
import { AUTO_ACTOR, confirmLink } from './link-confirmation';

/** How many stored mandates an ingest compares its decisions with, at most. */
export const MAX_CANDIDATES = 2000;

/**
 * The registry's name matcher, kept while the registry stays the same: its patterns are large,
 * and a new one is compiled anew on first use (milliseconds an ingest need not spend).
 */
let cachedMatcher: { key: string; matcher: OwnerMatcher } | undefined;
function matcherFor(registry: Registry): OwnerMatcher {
  const key = JSON.stringify(registry);
  if (cachedMatcher?.key !== key) cachedMatcher = { key, matcher: new OwnerMatcher(registry) };
  return cachedMatcher.matcher;
}

/**
 * Proposing links on ingest: which stored mandates the new decisions may answer, the links the
 * extraction's rules find to them, and storing those as proposals. Runs in the ingest's
 * transaction (its `manager`).
 */
@Injectable()
export class LinkProposalsService {
  /** The mandates compared last, handed over again while unchanged (see `KeptMandates`). */
  private readonly kept = new KeptMandates();

  constructor(private readonly links: DecisionLinkRepository) {}

  /** The links of an extraction to what is stored (a preview reads them; an ingest stores them). */
  async find(
    manager: EntityManager,
    councilId: number,
    extraction: Extraction,
    registry: Registry,
    text?: string,
  ): Promise<FoundLink[]> {
    const matcher = matcherFor(registry);
    const earlier = await this.earlierMandates(manager, councilId, extraction, matcher);
    return findLinks(extraction.resolutions, earlier, {
      matcher,
      mandates: extraction.mandates,
      meeting: extraction.meeting.number,
      decidedOn: extraction.meeting.date ?? extraction.meeting.documentDate,
      ...(text !== undefined ? { lines: text.split(/\r?\n/) } : {}),
    });
  }

  /**
   * Stores found links as proposals, once each: a link from the same decision to the same earlier
   * one is kept as it was (re-ingesting proposes nothing new, and a decision taken stays taken).
   * With `applyExplicitFulfils`, a link that names the earlier decision and takes note of its
   * report is confirmed at once.
   */
  async store(
    manager: EntityManager,
    councilId: number,
    found: FoundLink[],
    options: { documentId: number | null; now: string; applyExplicitFulfils: boolean },
  ): Promise<{ proposed: number; confirmed: number }> {
    const result = { proposed: 0, confirmed: 0 };
    if (found.length === 0) return result;
    const codes = [...new Set(found.flatMap((l) => [l.from, l.to]))];
    const idOf = await this.links.resolutionIds(manager, councilId, codes);
    const key = (fromResolutionId: number, toCode: string) => `${fromResolutionId} ${toCode}`;
    const fromIds = [...new Set(found.flatMap((l) => idOf.get(l.from) ?? []))];
    const stored = new Set(
      (await this.links.linksFrom(manager, fromIds)).map((l) => key(l.fromResolutionId, l.toCode)),
    );
    const rows: Array<Omit<DecisionLink, 'id'>> = [];
    for (const link of found) {
      const fromResolutionId = idOf.get(link.from);
      if (fromResolutionId === undefined || stored.has(key(fromResolutionId, link.to))) continue;
      stored.add(key(fromResolutionId, link.to));
      rows.push({
        councilId,
        fromResolutionId,
        fromPoint: link.point,
        documentId: options.documentId,
        line: link.line,
        sentence: link.sentence,
        toCode: link.to,
        toResolutionId: idOf.get(link.to) ?? null,
        mandateIds: link.mandates.map(Number),
        owners: link.owners,
        explicit: link.explicit,
        kind: link.kind,
        reason: link.reason,
        due: link.due ?? null,
        state: 'proposed',
        decidedBy: null,
        decidedAt: null,
        createdAt: options.now,
      });
    }
    // One statement for the new links, not three per link (a check, the insert, TypeORM's read
    // of the defaults), each of which SQLite had to compile anew for its inlined numbers.
    await this.links.insertMany(manager, rows);
    result.proposed = rows.length;
    const confirm = options.applyExplicitFulfils
      ? rows.filter((row) => row.explicit && row.kind === 'fulfils')
      : [];
    if (confirm.length > 0) {
      const idOfLink = new Map(
        (
          await this.links.linksFrom(manager, [...new Set(confirm.map((r) => r.fromResolutionId))])
        ).map((l) => [key(l.fromResolutionId, l.toCode), l.id]),
      );
      for (const row of confirm) {
        const id = idOfLink.get(key(row.fromResolutionId, row.toCode)) as number;
        await confirmLink(this.links, manager, { id, ...row }, AUTO_ACTOR, options.now);
        result.proposed--;
        result.confirmed++;
      }
    }
    return result;
  }

  /**
   * The stored mandates the new decisions may answer: those of the decisions they name by number,
   * and the newest still-owed ones (at most MAX_CANDIDATES). Not the whole table: an ingest reads
   * what it can link to, in bounded time.
   */
  private async earlierMandates(
    manager: EntityManager,
    councilId: number,
    extraction: Extraction,
    matcher: OwnerMatcher,
  ): Promise<EarlierMandate[]> {
    const { codes, continued } = linkTargets(extraction.resolutions, {
      matcher,
      mandates: extraction.mandates,
    });
    const own = extraction.resolutions.map((r) => r.id);
    // Every mandate of a decision the text names by number.
    const named = await this.links.mandatesOfDecisions(manager, councilId, own, codes);
    // Links without a number are looked for among the still-owed mandates of the last sessions
    // (LINK_HORIZON_SESSIONS, by session number; by date where the text has none): what a council
    // answers without citing it is recent. Bounded work per ingest however large the store grows.
    const session = extraction.meeting.body ? undefined : extraction.meeting.number;
    const decidedOn = extraction.meeting.date ?? extraction.meeting.documentDate;
    const since = decidedOn
      ? `${Number(decidedOn.slice(0, 4)) - LINK_HORIZON_YEARS}${decidedOn.slice(4)}`
      : undefined;
    const owed = await this.links.owedMandatesNear(manager, councilId, own, {
      ...(session !== undefined
        ? { sessions: { first: session - LINK_HORIZON_SESSIONS, last: session } }
        : {}),
      ...(since !== undefined ? { since } : {}),
      limit: MAX_CANDIDATES,
    });
    // A body that "goes on" may have been set up long before the horizon: its mandates, by owner.
    let going: Awaited<ReturnType<DecisionLinkRepository['mandatesOwedBy']>> = [];
    if (continued.length > 0) {
      const unknown = await this.links.ownersWithoutMember(manager);
      const bodies = [...new Set(continued.flatMap((text) => ownersIn(text, unknown, matcher)))];
      going = await this.links.mandatesOwedBy(manager, councilId, own, bodies, MAX_CANDIDATES);
    }
    const seen = new Set<number>();
    const rows = [...named, ...owed, ...going].filter((row) => {
      const id = Number(row.id);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    return rows.map((row) => this.kept.of(row));
  }
}
