import {
  findLinks,
  linkTargets,
  OwnerMatcher,
  type Due,
  type EarlierMandate,
  type Extraction,
  type FoundLink,
  type Registry,
} from '@app/extraction';
import { describeDecidedIn } from '@app/follow-up';
import {
  applyDecisionLink,
  DecisionLink,
  Mandate,
  Meeting,
  Obligation,
  Resolution,
  type LinkEffect,
} from '@app/persistence';
import { Brackets, In, type EntityManager } from 'typeorm';

interface EarlierRow {
  id: number;
  point: number;
  owners: string;
  action: string;
  source: string;
  dueKind: Due['kind'];
  dueMeeting: number | null;
  dueDate: string | null;
  dueFromMeeting: number | null;
  code: string;
  title: string | null;
  meetingNumber: number | null;
  meetingKind: string;
  meetingDate: string | null;
}

function dueOf(row: EarlierRow): Due {
  switch (row.dueKind) {
    case 'meeting':
      return { kind: 'meeting', meeting: Number(row.dueMeeting) };
    case 'date':
      return { kind: 'date', date: String(row.dueDate) };
    case 'recurring':
      return row.dueFromMeeting === null
        ? { kind: 'recurring' }
        : { kind: 'recurring', fromMeeting: Number(row.dueFromMeeting) };
    case 'event':
      return { kind: 'event' };
    default:
      return { kind: 'none' };
  }
}

/**
 * The stored mandates the new decisions may answer: those of the decisions they name by number,
 * and the still-owed ones of the owners named where a report is taken note of. Not the whole
 * table: an ingest reads what it can link to.
 */
export async function earlierMandates(
  manager: EntityManager,
  councilId: number,
  extraction: Extraction,
  matcher: OwnerMatcher,
): Promise<EarlierMandate[]> {
  const known = await manager
    .getRepository(Obligation)
    .createQueryBuilder('o')
    .select('DISTINCT o.owner', 'owner')
    .where("o.status IN ('open', 'in_progress')")
    .getRawMany<{ owner: string }>();
  const { codes, owners } = linkTargets(extraction.resolutions, {
    matcher,
    mandates: extraction.mandates,
    knownOwners: known.map((k) => k.owner),
  });
  const session = extraction.meeting.body ? undefined : extraction.meeting.number;
  if (codes.length === 0 && owners.length === 0 && session === undefined) return [];
  const own = extraction.resolutions.map((r) => r.id);
  const rows = await manager
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
    .where('r.councilId = :councilId', { councilId })
    .andWhere('r.code NOT IN (:...own)', { own })
    .andWhere(
      new Brackets((q) => {
        if (codes.length) q.orWhere('r.code IN (:...codes)', { codes });
        // Still owed: of an owner the text names, or due at the text's session.
        if (owners.length)
          q.orWhere(
            `m.id IN (SELECT "o"."mandateId" FROM "obligation" "o" WHERE "o"."owner" IN (:...owners) AND "o"."status" IN ('open', 'in_progress'))`,
            { owners },
          );
        if (session !== undefined)
          q.orWhere(
            `(m.dueMeeting = :session AND m.id IN (SELECT "o2"."mandateId" FROM "obligation" "o2" WHERE "o2"."status" IN ('open', 'in_progress')))`,
            { session },
          );
      }),
    )
    .orderBy('m.id', 'ASC')
    .getRawMany<EarlierRow>();
  return rows.map((row) => ({
    key: Number(row.id),
    resolution: row.code,
    point: Number(row.point),
    owners: JSON.parse(row.owners) as string[],
    action: row.action,
    source: row.source,
    due: dueOf(row),
    ...(row.meetingKind === 'session' && row.meetingNumber !== null
      ? { meeting: Number(row.meetingNumber) }
      : {}),
    ...(row.meetingDate ? { decidedOn: row.meetingDate } : {}),
    ...(row.title ? { title: row.title } : {}),
  }));
}

/** The links of an extraction to what is stored (a preview reads them; an ingest stores them). */
export async function linksToStored(
  manager: EntityManager,
  councilId: number,
  extraction: Extraction,
  registry: Registry,
  text?: string,
): Promise<FoundLink[]> {
  const matcher = new OwnerMatcher(registry);
  const earlier = await earlierMandates(manager, councilId, extraction, matcher);
  return findLinks(extraction.resolutions, earlier, {
    matcher,
    mandates: extraction.mandates,
    meeting: extraction.meeting.number,
    decidedOn: extraction.meeting.date ?? extraction.meeting.documentDate,
    ...(text !== undefined ? { lines: text.split(/\r?\n/) } : {}),
  });
}

/** Where the sentence of a link stands, for the history entries its confirmation writes. */
export function linkHref(link: Pick<DecisionLink, 'documentId' | 'line'>): string | null {
  return link.documentId === null
    ? null
    : `/documents/${link.documentId}?line=${link.line}#L${link.line}`;
}

/**
 * Confirms a link: applies its effect to the earlier obligations (see `applyDecisionLink`) and
 * records who confirmed it. The caller audits.
 */
export async function confirmLink(
  manager: EntityManager,
  link: DecisionLink,
  actor: string,
  now: string,
): Promise<LinkEffect[]> {
  const from = await manager.findOneByOrFail(Resolution, { id: link.fromResolutionId });
  const meeting = await manager.findOneByOrFail(Meeting, { id: from.meetingId });
  const effects = await applyDecisionLink(manager, link, {
    actor,
    now,
    fromCode: from.code,
    fromSession: describeDecidedIn(meeting),
    href: linkHref(link) ?? '',
  });
  await manager.update(DecisionLink, link.id, {
    state: 'confirmed',
    decidedBy: actor,
    decidedAt: now,
  });
  return effects;
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

/** Who confirmed a link the setting applied. */
export const AUTO_ACTOR = 'ingest (LINKS_APPLY_EXPLICIT_FULFILS)';
