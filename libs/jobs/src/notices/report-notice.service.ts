import { Injectable } from '@nestjs/common';
import { composeReportNotice } from '@app/follow-up';
import { Mailer } from '@app/mail';
import { User } from '@app/persistence';
import { DataSource } from 'typeorm';
import { countOutcome, deliverOnce, type DeliveryTally } from '../digests/outbox-delivery';

export interface ReportNoticeResult {
  reports: number;
  sent: number;
  alreadySent: number;
  failed: number;
}

/** How far back a run looks for reports: a week of stopped server is caught up, not more. */
const LOOKBACK_DAYS = 7;

/** Thrown after a run in which some notices failed, so the job is retried with backoff. */
export class ReportNoticeDeliveryError extends Error {}

/**
 * Tells the secretariat when a member's delegate reports an obligation as delivered: one mail per
 * report and secretariat account, through the digest outbox (keyed "R<event id>"), so each is sent
 * exactly once however often the job runs.
 */
@Injectable()
export class ReportNoticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
  ) {}

  async run(now: Date, baseUrl: string): Promise<ReportNoticeResult> {
    const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000).toISOString();
    const reports: Array<Record<string, unknown>> = await this.dataSource
      .createQueryBuilder()
      .select([
        'e.id AS "eventId"',
        'e.at AS at',
        'e.actor AS actor',
        'e.note AS note',
        'e.link AS link',
        'o."memberId" AS "memberId"',
        'mb.code AS "memberCode"',
        'mb.name AS "memberName"',
        'm.id AS "mandateId"',
        'm.point AS point',
        'm.action AS action',
        'r.code AS code',
      ])
      .from('obligation_event', 'e')
      .innerJoin('obligation', 'o', 'o.id = e."obligationId"')
      .innerJoin('member', 'mb', 'mb.id = o."memberId"')
      .innerJoin('mandate', 'm', 'm.id = o."mandateId"')
      .innerJoin('resolution', 'r', 'r.id = m."resolutionId"')
      .innerJoin('user', 'u', `u.email = e.actor AND u.role = 'delegate'`)
      .where(`e."toStatus" = 'reported'`)
      .andWhere('e.at >= :since AND e.at <= :until', { since, until: now.toISOString() })
      .orderBy('e.id', 'ASC')
      .getRawMany();
    const recipients = await this.dataSource
      .getRepository(User)
      .find({ where: { role: 'secretariat', active: true }, order: { id: 'ASC' } });
    const tally: DeliveryTally = { sent: 0, alreadySent: 0, failed: 0 };
    for (const r of reports) {
      for (const user of recipients) {
        const message = composeReportNotice({
          member: { code: String(r.memberCode), name: String(r.memberName) },
          recipient: { name: user.name },
          resolution: String(r.code),
          point: Number(r.point),
          action: String(r.action),
          mandateId: Number(r.mandateId),
          reportedBy: String(r.actor),
          at: String(r.at),
          note: (r.note as string | null) ?? null,
          evidence: (r.link as string | null) ?? null,
          baseUrl,
        });
        const outcome = await deliverOnce(this.dataSource, this.mailer, {
          memberId: Number(r.memberId),
          memberCode: String(r.memberCode),
          userId: user.id,
          recipient: user.email,
          period: `R${Number(r.eventId)}`,
          message,
        });
        countOutcome(tally, outcome);
      }
    }
    const { firstError, ...counts } = tally;
    const result: ReportNoticeResult = { reports: reports.length, ...counts };
    if (firstError)
      throw new ReportNoticeDeliveryError(
        `${result.failed} Meldungen an die Geschäftsstelle wurden nicht zugestellt. ${firstError}`,
      );
    return result;
  }
}
