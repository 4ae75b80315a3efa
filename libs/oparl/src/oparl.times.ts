import type { OparlData, OparlDecision, OparlMeeting, OparlPublish } from './oparl.types';

// The tables keep when documents were ingested and when mandates and obligations changed, not
// when a meeting or a decision row was written: `created` and `modified` are read from those.
// Each rule is one small function, so a column added later takes its place in one spot.

function earliest(times: Array<string | null | undefined>, fallback: string): string {
  const known = times.filter((t): t is string => typeof t === 'string' && t !== '');
  return known.length === 0 ? fallback : known.reduce((a, b) => (b < a ? b : a));
}

function latest(times: Array<string | null | undefined>, fallback: string): string {
  const known = times.filter((t): t is string => typeof t === 'string' && t !== '');
  return known.reduce((a, b) => (b > a ? b : a), fallback);
}

/** Normalised to the ISO form with a zone ("2026-12-06T01:02:03.000Z"). */
export function isoInstant(time: string): string {
  return new Date(time).toISOString();
}

/**
 * When a decision was withdrawn: every mandate it held was withdrawn (a corrected protocol no
 * longer contains them, or the secretariat withdrew them). A decision without mandates stays.
 */
export function decisionWithdrawnAt(decision: OparlDecision): string | null {
  if (decision.mandates.length === 0) return null;
  if (decision.mandates.some((m) => m.withdrawnAt === null)) return null;
  return latest(
    decision.mandates.map((m) => m.withdrawnAt),
    '',
  );
}

export function decisionCreated(data: OparlData, decision: OparlDecision): string {
  return isoInstant(
    earliest(
      [
        ...data.documents
          .filter((d) => d.id === decision.documentId || d.resolutionIds.includes(decision.code))
          .map((d) => d.ingestedAt),
        ...decision.mandates.map((m) => m.createdAt),
      ],
      data.council.since,
    ),
  );
}

export function decisionModified(
  data: OparlData,
  decision: OparlDecision,
  publish: OparlPublish,
): string {
  const followUp = publish === 'follow-up';
  return isoInstant(
    latest(
      [
        decisionCreated(data, decision),
        data.documents.find((d) => d.id === decision.documentId)?.ingestedAt,
        ...decision.mandates.flatMap((m) => [
          m.updatedAt,
          m.withdrawnAt,
          ...(followUp ? m.obligations.map((o) => o.updatedAt) : []),
          ...(followUp ? m.laterDecisions.map((l) => l.at) : []),
        ]),
      ],
      data.council.since,
    ),
  );
}

export function meetingCreated(data: OparlData, meeting: OparlMeeting): string {
  return isoInstant(
    earliest(
      data.documents.filter((d) => d.meetingId === meeting.id).map((d) => d.ingestedAt),
      data.council.since,
    ),
  );
}

export function meetingModified(data: OparlData, meeting: OparlMeeting): string {
  return isoInstant(
    latest(
      data.documents.filter((d) => d.meetingId === meeting.id).map((d) => d.ingestedAt),
      data.council.since,
    ),
  );
}
