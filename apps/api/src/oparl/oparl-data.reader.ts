import { dueOfColumns } from '@app/domain';
import {
  AgendaItem,
  Council,
  DecisionLink,
  Mandate,
  Meeting,
  Member,
  Obligation,
  Resolution,
  ResolutionPoint,
  Setting,
  SourceDocument,
} from '@app/persistence';
import type {
  OparlListQuery,
  OparlData,
  OparlLaterDecision,
  OparlMandate,
  OparlMeeting,
  OparlPublish,
} from '@app/oparl';
import { Brackets, In, Like, type DataSource } from 'typeorm';

/** A meeting as published; other meeting kinds or ids change here only. */
export function toOparlMeeting(meeting: Meeting): OparlMeeting {
  return {
    id: meeting.id,
    number: meeting.number,
    kind: meeting.kind,
    body: meeting.body,
    label: meeting.label,
    date: meeting.date,
    approximate: meeting.approximate === true || (meeting.approximate as unknown) === 1,
    state: meeting.state,
    place: meeting.place,
  };
}

/** When a mandate counts as withdrawn for the publication. */
export function mandateWithdrawnAt(mandate: Mandate): string | null {
  return mandate.withdrawnAt ?? null;
}

/**
 * Reads one council's data for the OParl publication, in one go; with `only`, just those
 * decisions (one list page) and what they need: the registry, the calendar, the documents'
 * headers, the agenda items of their meetings.
 */
export async function readOparlData(
  dataSource: DataSource,
  council: Council,
  publish: Exclude<OparlPublish, 'off'>,
  only?: number[],
): Promise<OparlData> {
  const m = dataSource.manager;
  const where = { councilId: council.id };
  const [members, meetings, documents, resolutions] = await Promise.all([
    m.find(Member, { where, order: { id: 'ASC' } }),
    m.find(Meeting, { where, order: { id: 'ASC' } }),
    m
      .createQueryBuilder(SourceDocument, 'd')
      .select([
        'd.id',
        'd.meetingId',
        'd.fileName',
        'd.documentDate',
        'd.resolutionIds',
        'd.ingestedAt',
      ])
      .where('d.councilId = :id', { id: council.id })
      .orderBy('d.id', 'ASC')
      .getMany(),
    only
      ? only.length > 0
        ? m.find(Resolution, { where: { ...where, id: In(only) }, order: { id: 'ASC' } })
        : []
      : m.find(Resolution, { where, order: { id: 'ASC' } }),
  ]);
  const meetingIds = only
    ? [...new Set(resolutions.map((r) => r.meetingId))]
    : meetings.map((x) => x.id);
  const resolutionIds = resolutions.map((r) => r.id);
  const [agendaItems, points, mandates] = await Promise.all([
    meetingIds.length ? m.find(AgendaItem, { where: { meetingId: In(meetingIds) } }) : [],
    resolutionIds.length
      ? m.find(ResolutionPoint, { where: { resolutionId: In(resolutionIds) } })
      : [],
    resolutionIds.length ? m.find(Mandate, { where: { resolutionId: In(resolutionIds) } }) : [],
  ]);
  const mandateIds = mandates.map((x) => x.id);
  const [obligations, links] =
    publish === 'follow-up' && mandateIds.length > 0
      ? await Promise.all([
          m.find(Obligation, { where: { mandateId: In(mandateIds) } }),
          m.find(DecisionLink, { where: { councilId: council.id, state: 'confirmed' } }),
        ])
      : [[], []];
  // A page's decisions may link to decisions on other pages: those are stored too.
  const others = only
    ? await existingResolutions(
        dataSource,
        council,
        links
          .filter((l) => l.mandateIds.some((id) => mandateIds.includes(id)))
          .map((l) => l.fromResolutionId)
          .filter((id) => !only.includes(id)),
      )
    : undefined;
  const otherDecisionIds = others?.map((r) => r.id);
  const codeOf = new Map([...resolutions, ...(others ?? [])].map((r) => [r.id, r.code]));
  const laterFor = new Map<number, OparlLaterDecision[]>();
  for (const link of links) {
    for (const mandateId of link.mandateIds) {
      laterFor.set(mandateId, [
        ...(laterFor.get(mandateId) ?? []),
        {
          kind: link.kind,
          code: codeOf.get(link.fromResolutionId) ?? '',
          resolutionId: link.fromResolutionId,
          at: link.decidedAt ?? link.createdAt,
        },
      ]);
    }
  }
  const mandatesOf = new Map<number, OparlMandate[]>();
  for (const mandate of mandates) {
    mandatesOf.set(mandate.resolutionId, [
      ...(mandatesOf.get(mandate.resolutionId) ?? []),
      {
        id: mandate.id,
        point: mandate.point,
        owners: mandate.owners,
        action: mandate.action,
        source: mandate.source,
        due: dueOfColumns(mandate),
        withdrawnAt: mandateWithdrawnAt(mandate),
        createdAt: mandate.createdAt,
        updatedAt: mandate.updatedAt,
        obligations: obligations
          .filter((o) => o.mandateId === mandate.id)
          .map((o) => ({ owner: o.owner, status: o.status, updatedAt: o.updatedAt })),
        laterDecisions: laterFor.get(mandate.id) ?? [],
      },
    ]);
  }
  const times = documents.map((d) => d.ingestedAt).sort();
  return {
    council: {
      id: council.id,
      code: council.code,
      name: council.name,
      classification: await councilClassification(dataSource, council),
      since: times[0] ?? FIRST_RELEASE,
    },
    members: members.map((x) => ({
      id: x.id,
      code: x.code,
      name: x.name,
      kind: x.kind,
      belongsTo: x.belongsTo,
    })),
    meetings: meetings.map(toOparlMeeting),
    agendaItems: agendaItems.map((a) => ({
      id: a.id,
      meetingId: a.meetingId,
      number: a.number,
      title: a.title,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      meetingId: d.meetingId,
      fileName: d.fileName.split(/[/\\]/).pop() ?? d.fileName,
      documentDate: d.documentDate,
      ingestedAt: d.ingestedAt,
      resolutionIds: d.resolutionIds,
    })),
    decisions: resolutions.map((r) => ({
      id: r.id,
      code: r.code,
      meetingId: r.meetingId,
      agendaItem: r.agendaItem,
      title: r.title,
      documentId: r.documentId,
      points: points
        .filter((p) => p.resolutionId === r.id)
        .map((p) => ({ number: p.number, text: p.text })),
      mandates: mandatesOf.get(r.id) ?? [],
    })),
    ...(otherDecisionIds ? { otherDecisionIds } : {}),
  };
}

/**
 * What a council is called as an OParl Body: what the source Body said for a council followed
 * through OParl (the sync keeps it with the body's link), a neutral "Gremium" for one a sync set
 * up from a Body that said nothing; the seeded IT-Planungsrat is a federal/state council.
 */
async function councilClassification(dataSource: DataSource, council: Council): Promise<string> {
  const links = (
    await dataSource.manager.find(Setting, { where: { key: Like('oparl-council:%') } })
  )
    .map(
      (s) => JSON.parse(s.value) as { council: string; registry: string; classification?: string },
    )
    .filter((l) => l.council === council.code);
  const said = links.find((l) => l.classification)?.classification;
  if (said) return said;
  return links.some((l) => l.registry === 'oparl') ? 'Gremium' : 'Bund-Länder-Gremium';
}

async function existingResolutions(
  dataSource: DataSource,
  council: Council,
  ids: number[],
): Promise<Array<{ id: number; code: string }>> {
  if (ids.length === 0) return [];
  return dataSource.manager.find(Resolution, {
    select: { id: true, code: true },
    where: { councilId: council.id, id: In([...new Set(ids)]) },
  });
}

/**
 * The decisions (Papers) of one list page, chosen in the database: in id order, withdrawn ones
 * only for an update (modified_since), and with modified_since those whose `modified` (see
 * oparl.times: the latest of their document's ingest, their mandates' changes and, with the
 * follow-up, their obligations' changes and confirmed links) is not before it. Only the page's
 * ids and the number of all are read, however many decisions the council holds.
 */
export async function selectPaperPage(
  dataSource: DataSource,
  council: Council,
  publish: Exclude<OparlPublish, 'off'>,
  query: OparlListQuery,
): Promise<{ ids: number[]; total: number }> {
  const m = dataSource.manager;
  const qb = m
    .createQueryBuilder(Resolution, 'r')
    .select('r.id', 'id')
    .where('r.councilId = :council', { council: council.id });
  const given = query.filters.modified_since;
  if (!given) {
    // Withdrawn: it had mandates and every one is withdrawn (a deleted object, sent to updates).
    // Asked the other way round, the first mandate in force usually answers.
    qb.andWhere(
      `(EXISTS (SELECT 1 FROM "mandate" "k" WHERE "k"."resolutionId" = "r"."id" AND "k"."withdrawnAt" IS NULL) OR NOT EXISTS (SELECT 1 FROM "mandate" "w" WHERE "w"."resolutionId" = "r"."id"))`,
    );
  } else {
    const since = new Date(given).toISOString();
    const first = await m
      .createQueryBuilder(SourceDocument, 'd')
      .select('MIN(d.ingestedAt)', 'first')
      .where('d.councilId = :council', { council: council.id })
      .getRawOne<{ first: string | null }>();
    // Every decision's modified is at least the council's first ingest (see readOparlData).
    const councilSince = new Date(first?.first ?? FIRST_RELEASE).toISOString();
    if (councilSince < since) {
      const linked = publish === 'follow-up' ? await linkedSince(dataSource, council, since) : [];
      qb.andWhere(
        new Brackets((w) => {
          w.where(
            'EXISTS (SELECT 1 FROM "source_document" "d" WHERE "d"."id" = "r"."documentId" AND "d"."ingestedAt" >= :since)',
            { since },
          ).orWhere(
            'EXISTS (SELECT 1 FROM "mandate" "u" WHERE "u"."resolutionId" = "r"."id" AND ("u"."updatedAt" >= :since OR "u"."createdAt" >= :since OR "u"."withdrawnAt" >= :since))',
          );
          if (publish === 'follow-up')
            w.orWhere(
              'EXISTS (SELECT 1 FROM "obligation" "o" INNER JOIN "mandate" "om" ON "om"."id" = "o"."mandateId" WHERE "om"."resolutionId" = "r"."id" AND "o"."updatedAt" >= :since)',
            );
          if (linked.length > 0) w.orWhere('r.id IN (:...linked)', { linked });
        }),
      );
    }
  }
  const total = await qb.clone().getCount();
  const rows: Array<{ id: unknown }> = await qb
    .orderBy('r.id', 'ASC')
    .offset((query.page - 1) * query.limit)
    .limit(query.limit)
    .getRawMany();
  return { ids: rows.map((r) => Number(r.id)), total };
}

/** Decisions whose mandates a link confirmed since then answered (the link is their change). */
async function linkedSince(
  dataSource: DataSource,
  council: Council,
  since: string,
): Promise<number[]> {
  const links = await dataSource.manager.find(DecisionLink, {
    where: { councilId: council.id, state: 'confirmed' },
  });
  const mandateIds = links
    .filter((l) => new Date(l.decidedAt ?? l.createdAt).toISOString() >= since)
    .flatMap((l) => l.mandateIds);
  if (mandateIds.length === 0) return [];
  const rows = await dataSource.manager.find(Mandate, {
    select: { id: true, resolutionId: true },
    where: { id: In([...new Set(mandateIds)]) },
  });
  return [...new Set(rows.map((r) => r.resolutionId))];
}

/**
 * created/modified of the objects that have no time of their own, while nothing is ingested yet:
 * the day the schema of this product was first released (its first migration).
 */
const FIRST_RELEASE = '2025-11-29T00:00:00.000Z';
