import { dueOfColumns } from '@app/domain';
import type { Council, Mandate, Meeting, OparlReadRepository } from '@app/persistence';
import type {
  OparlListQuery,
  OparlData,
  OparlLaterDecision,
  OparlMandate,
  OparlMeeting,
  OparlPublish,
} from '@app/oparl';

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
 * One council's data for the OParl publication, from its rows (OparlReadRepository.councilRows);
 * with `only`, just those decisions (one list page) and what they need: the registry, the
 * calendar, the documents' headers, the agenda items of their meetings.
 */
export async function readOparlData(
  reads: OparlReadRepository,
  council: Council,
  publish: Exclude<OparlPublish, 'off'>,
  only?: number[],
): Promise<OparlData> {
  const rows = await reads.councilRows(council.id, publish === 'follow-up', only);
  const { resolutions, mandates, links } = rows;
  const mandateIds = mandates.map((x) => x.id);
  // A page's decisions may link to decisions on other pages: those are stored too.
  const others = only
    ? await reads.decisionCodes(
        council.id,
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
        obligations: rows.obligations
          .filter((o) => o.mandateId === mandate.id)
          .map((o) => ({ owner: o.owner, status: o.status, updatedAt: o.updatedAt })),
        laterDecisions: laterFor.get(mandate.id) ?? [],
      },
    ]);
  }
  const times = rows.documents.map((d) => d.ingestedAt).sort();
  return {
    council: {
      id: council.id,
      code: council.code,
      name: council.name,
      classification: await councilClassification(reads, council),
      since: times[0] ?? FIRST_RELEASE,
    },
    members: rows.members.map((x) => ({
      id: x.id,
      code: x.code,
      name: x.name,
      kind: x.kind,
      belongsTo: x.belongsTo,
    })),
    meetings: rows.meetings.map(toOparlMeeting),
    agendaItems: rows.agendaItems.map((a) => ({
      id: a.id,
      meetingId: a.meetingId,
      number: a.number,
      title: a.title,
    })),
    documents: rows.documents.map((d) => ({
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
      points: rows.points
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
async function councilClassification(
  reads: OparlReadRepository,
  council: Council,
): Promise<string> {
  const links = (await reads.councilLinkValues())
    .map(
      (value) =>
        JSON.parse(value) as { council: string; registry: string; classification?: string },
    )
    .filter((l) => l.council === council.code);
  const said = links.find((l) => l.classification)?.classification;
  if (said) return said;
  return links.some((l) => l.registry === 'oparl') ? 'Gremium' : 'Bund-Länder-Gremium';
}

/**
 * The decisions (Papers) of one list page, chosen in the database: in id order, withdrawn ones
 * only for an update (modified_since), and with modified_since those whose `modified` (see
 * oparl.times: the latest of their document's ingest, their mandates' changes and, with the
 * follow-up, their obligations' changes and confirmed links) is not before it. Only the page's
 * ids and the number of all are read, however many decisions the council holds.
 */
export async function selectPaperPage(
  reads: OparlReadRepository,
  council: Council,
  publish: Exclude<OparlPublish, 'off'>,
  query: OparlListQuery,
): Promise<{ ids: number[]; total: number }> {
  const page = { offset: (query.page - 1) * query.limit, limit: query.limit };
  const given = query.filters.modified_since;
  if (!given) return reads.paperPage(council.id, { kind: 'in-force' }, page);
  const since = new Date(given).toISOString();
  // Every decision's modified is at least the council's first ingest (see readOparlData).
  const councilSince = new Date(
    (await reads.firstIngest(council.id)) ?? FIRST_RELEASE,
  ).toISOString();
  if (councilSince >= since) return reads.paperPage(council.id, { kind: 'everything' }, page);
  const followUp = publish === 'follow-up';
  const linked = followUp ? await linkedSince(reads, council, since) : [];
  return reads.paperPage(council.id, { kind: 'changed', since, followUp, linked }, page);
}

/** Decisions whose mandates a link confirmed since then answered (the link is their change). */
async function linkedSince(
  reads: OparlReadRepository,
  council: Council,
  since: string,
): Promise<number[]> {
  const links = await reads.confirmedLinks(council.id);
  return reads.decisionsOfMandates(
    links
      .filter((l) => new Date(l.decidedAt ?? l.createdAt).toISOString() >= since)
      .flatMap((l) => l.mandateIds),
  );
}

/**
 * created/modified of the objects that have no time of their own, while nothing is ingested yet:
 * the day the schema of this product was first released (its first migration).
 */
const FIRST_RELEASE = '2025-11-29T00:00:00.000Z';
