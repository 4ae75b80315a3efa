import { Injectable } from '@nestjs/common';
import type { ObligationFacts, Session } from '@app/follow-up';
import { Mandate, Meeting, Obligation, ObligationEvent, Resolution } from '@app/persistence';
import { DataSource, In } from 'typeorm';

// The one adapter between the database and the pure report composers for the report pages.
// It is kept to this file so that it can give way to a shared report service.

export interface ReportScope {
  /** Only this owner's obligations (a member code); all owners when absent. */
  owner?: string;
  /** Only obligations of this member id (a delegate's scope). */
  memberId?: number;
}

function due(m: Mandate): ObligationFacts['due'] {
  const soft = m.dueSoft ? { soft: true } : {};
  switch (m.dueKind) {
    case 'meeting':
      return m.dueMeeting !== null
        ? { kind: 'meeting', meeting: m.dueMeeting, ...soft }
        : { kind: 'none' };
    case 'date':
      return m.dueDate !== null ? { kind: 'date', date: m.dueDate, ...soft } : { kind: 'none' };
    case 'recurring':
      return m.dueFromMeeting !== null
        ? { kind: 'recurring', fromMeeting: m.dueFromMeeting }
        : { kind: 'recurring' };
    case 'event':
      return { kind: 'event' };
    default:
      return { kind: 'none' };
  }
}

@Injectable()
export class ReportData {
  constructor(private readonly dataSource: DataSource) {}

  async sessions(): Promise<Session[]> {
    const meetings = await this.dataSource
      .getRepository(Meeting)
      .find({ order: { number: 'ASC' } });
    return meetings.map((m) => ({ number: m.number, date: m.date, state: m.state }));
  }

  /** Obligations of mandates in force, with what the follow-up rules need to know of each. */
  async obligations(scope: ReportScope): Promise<ObligationFacts[]> {
    const m = this.dataSource.manager;
    const where = {
      ...(scope.owner !== undefined ? { owner: scope.owner } : {}),
      ...(scope.memberId !== undefined ? { memberId: scope.memberId } : {}),
    };
    const obligations = await m.find(Obligation, { where, order: { id: 'ASC' } });
    if (obligations.length === 0) return [];
    const facts: ObligationFacts[] = [];
    // Chunks keep the IN lists well below SQLite's limit on bound parameters.
    for (let i = 0; i < obligations.length; i += 500) {
      const chunk = obligations.slice(i, i + 500);
      const mandates = await m.find(Mandate, {
        where: { id: In([...new Set(chunk.map((o) => o.mandateId))]) },
      });
      const resolutions = await m.find(Resolution, {
        where: { id: In([...new Set(mandates.map((x) => x.resolutionId))]) },
        select: { id: true, code: true, meetingId: true },
      });
      const meetings = await m.find(Meeting, {
        where: { id: In([...new Set(resolutions.map((r) => r.meetingId))]) },
      });
      const events = await m.find(ObligationEvent, {
        where: { obligationId: In(chunk.map((o) => o.id)), type: 'status' },
        order: { id: 'ASC' },
      });
      for (const o of chunk) {
        const mandate = mandates.find((x) => x.id === o.mandateId);
        if (!mandate || mandate.withdrawnAt) continue;
        const resolution = resolutions.find((r) => r.id === mandate.resolutionId);
        const meeting = meetings.find((x) => x.id === resolution?.meetingId);
        const changes = events.filter((e) => e.obligationId === o.id);
        facts.push({
          id: o.id,
          owner: o.owner,
          status: o.status,
          due: due(mandate),
          decidedAt: meeting?.date ?? mandate.createdAt.slice(0, 10),
          reports: changes.filter((e) => e.toStatus === 'reported').map((e) => e.at),
          resolution: resolution?.code ?? '',
          point: mandate.point,
          action: mandate.action,
          source: mandate.source,
          mandateId: mandate.id,
          statusChangedAt: changes.length ? changes[changes.length - 1].at : undefined,
        });
      }
    }
    return facts;
  }
}
