/*
 * Proposing links on ingest: which stored mandates the new decisions may answer, the links the
 * extraction's rules find to them, and storing those as proposals.
 */
import { dueOfColumns, OWED_STATUSES, sqlList, type DueKind } from '@app/domain';
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
import { DecisionLink, Mandate, Meeting, Obligation, Resolution } from '@app/persistence';
import { In, type EntityManager } from 'typeorm';
import { AUTO_ACTOR, confirmLink } from './link-confirmation';

/** How many stored mandates an ingest compares its decisions with, at most. */
export const MAX_CANDIDATES = 2000;

interface EarlierRow {
  id: number;
  point: number;
  owners: string;
  action: string;
  source: string;
  dueKind: DueKind;
  dueMeeting: number | null;
  dueDate: string | null;
  dueFromMeeting: number | null;
  code: string;
  title: string | null;
  meetingNumber: number | null;
  meetingKind: string;
  meetingDate: string | null;
}

/**
 * The stored mandates the new decisions may answer: those of the decisions they name by number,
 * and the newest still-owed ones (at most MAX_CANDIDATES). Not the whole table: an ingest reads
 * what it can link to, in bounded time.
 */
export async function earlierMandates(
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
  const query = () =>
    manager
      .getRepository(Mandate)
      .createQueryBuilder('m')
      .innerJoin(Resolution, 'r', 'r.id = m.resolutionId')
      .innerJoin(Meeting, 'mt', 'mt.id = r.meetingId')
      .select([
        'm.id AS "id"',
        'm.point AS "point"',
        'm.owners AS "owners"',
        'm.action AS "action"',
        'm.source AS "source"',
        'm.dueKind AS "dueKind"',
        'm.dueMeeting AS "dueMeeting"',
        'm.dueDate AS "dueDate"',
        'm.dueFromMeeting AS "dueFromMeeting"',
        'r.code AS "code"',
        'r.title AS "title"',
        'mt.number AS "meetingNumber"',
        'mt.kind AS "meetingKind"',
        'mt.date AS "meetingDate"',
      ])
      .where('r.code NOT IN (:...own)', { own })
      // What the secretariat withdrew as wrongly read is answered by nothing.
      .andWhere('m.withdrawnBy IS NULL');
  // Every mandate of a decision the text names by number.
  const named = codes.length
    ? await query()
        .andWhere('r.councilId = :councilId AND r.code IN (:...codes)', { councilId, codes })
        .getRawMany<EarlierRow>()
    : [];
  // Links without a number are looked for among the still-owed mandates of the last sessions
  // (LINK_HORIZON_SESSIONS, by session number; by date where the text has none): what a council
  // answers without citing it is recent. Bounded work per ingest however large the store grows.
  const session = extraction.meeting.body ? undefined : extraction.meeting.number;
  const decidedOn = extraction.meeting.date ?? extraction.meeting.documentDate;
  const since = decidedOn
    ? `${Number(decidedOn.slice(0, 4)) - LINK_HORIZON_YEARS}${decidedOn.slice(4)}`
    : undefined;
  const owed =
    session === undefined && since === undefined
      ? []
      : await query()
          .andWhere(
            `r.meetingId IN (SELECT "h"."id" FROM "meeting" "h" WHERE "h"."councilId" = :councilId AND (${[
              ...(session !== undefined
                ? [`("h"."kind" = 'session' AND "h"."number" BETWEEN :first AND :last)`]
                : []),
              ...(since !== undefined
                ? [`(("h"."number" IS NULL OR "h"."kind" <> 'session') AND "h"."date" >= :since)`]
                : []),
            ].join(' OR ')}))`,
            {
              councilId,
              first: (session ?? 0) - LINK_HORIZON_SESSIONS,
              last: session ?? 0,
              since: since ?? '',
            },
          )
          .andWhere(
            `EXISTS (SELECT 1 FROM "obligation" "o" WHERE "o"."mandateId" = "m"."id" AND "o"."status" IN ${sqlList(OWED_STATUSES)})`,
          )
          .orderBy('m.id', 'DESC')
          .limit(MAX_CANDIDATES)
          .getRawMany<EarlierRow>();
  // A body that "goes on" may have been set up long before the horizon: its mandates, by owner.
  let going: EarlierRow[] = [];
  if (continued.length > 0) {
    const unknown = await manager
      .getRepository(Obligation)
      .createQueryBuilder('o')
      .select('DISTINCT o.owner', 'owner')
      .where('o.memberId IS NULL')
      .getRawMany<{ owner: string }>();
    const bodies = [
      ...new Set(
        continued.flatMap((text) =>
          ownersIn(
            text,
            unknown.map((u) => u.owner),
            matcher,
          ),
        ),
      ),
    ];
    if (bodies.length)
      going = await query()
        .andWhere(
          `r.councilId = :councilId AND m.id IN (SELECT "b"."mandateId" FROM "obligation" "b" WHERE "b"."owner" IN (:...bodies))`,
          { councilId, bodies },
        )
        .orderBy('m.id', 'ASC')
        .limit(MAX_CANDIDATES)
        .getRawMany<EarlierRow>();
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

/** The links of an extraction to what is stored (a preview reads them; an ingest stores them). */
export async function linksToStored(
  manager: EntityManager,
  councilId: number,
  extraction: Extraction,
  registry: Registry,
  text?: string,
): Promise<FoundLink[]> {
  const matcher = matcherFor(registry);
  const earlier = await earlierMandates(manager, councilId, extraction, matcher);
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
 * With `applyExplicitFulfils`, a link that names the earlier decision and takes note of its report
 * is confirmed at once.
 */
export async function storeLinks(
  manager: EntityManager,
  councilId: number,
  found: FoundLink[],
  options: { documentId: number | null; now: string; applyExplicitFulfils: boolean },
): Promise<{ proposed: number; confirmed: number }> {
  const result = { proposed: 0, confirmed: 0 };
  if (found.length === 0) return result;
  const codes = [...new Set(found.flatMap((l) => [l.from, l.to]))];
  const resolutions = await manager.findBy(Resolution, { councilId, code: In(codes) });
  const idOf = new Map(resolutions.map((r) => [r.code, r.id]));
  for (const link of found) {
    const fromResolutionId = idOf.get(link.from);
    if (fromResolutionId === undefined) continue;
    if (await manager.existsBy(DecisionLink, { fromResolutionId, toCode: link.to })) continue;
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
    const id = (await manager.insert(DecisionLink, row)).identifiers[0].id as number;
    result.proposed++;
    if (options.applyExplicitFulfils && link.explicit && link.kind === 'fulfils') {
      await confirmLink(manager, { id, ...row }, AUTO_ACTOR, options.now);
      result.proposed--;
      result.confirmed++;
    }
  }
  return result;
}
