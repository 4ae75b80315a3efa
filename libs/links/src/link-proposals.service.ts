import { dueOfColumns } from '@app/domain';
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
    for (const link of found) {
      const fromResolutionId = idOf.get(link.from);
      if (fromResolutionId === undefined) continue;
      if (await this.links.hasLink(manager, fromResolutionId, link.to)) continue;
      const row: Omit<DecisionLink, 'id'> = {
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
      };
      const id = await this.links.insert(manager, row);
      result.proposed++;
      if (options.applyExplicitFulfils && link.explicit && link.kind === 'fulfils') {
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
    return rows.map((row) => ({
      key: Number(row.id),
      resolution: row.code,
      point: Number(row.point),
      owners: JSON.parse(row.owners) as string[],
      action: row.action,
      source: row.source,
      due: dueOfColumns(row),
      ...(row.meetingKind === 'session' && row.meetingNumber !== null
        ? { meeting: Number(row.meetingNumber) }
        : {}),
      ...(row.meetingDate ? { decidedOn: row.meetingDate } : {}),
      ...(row.title ? { title: row.title } : {}),
    }));
  }
}
