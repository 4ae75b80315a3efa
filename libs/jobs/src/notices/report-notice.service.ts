import { Injectable } from '@nestjs/common';
import { composeReportNotice } from '@app/follow-up';
import { Mailer } from '@app/mail';
import { DigestOutboxRepository, ObligationRepository, UserRepository } from '@app/persistence';
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
    private readonly outbox: DigestOutboxRepository,
    private readonly obligations: ObligationRepository,
    private readonly users: UserRepository,
    private readonly mailer: Mailer,
  ) {}

  async run(now: Date, baseUrl: string): Promise<ReportNoticeResult> {
    const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000).toISOString();
    const reports = await this.obligations.reportsByDelegates(since, now.toISOString());
    const recipients = await this.users.activeWithRole('secretariat');
    const tally: DeliveryTally = { sent: 0, alreadySent: 0, failed: 0 };
    for (const r of reports) {
      for (const user of recipients) {
        const message = composeReportNotice({
          member: { code: r.memberCode, name: r.memberName },
          recipient: { name: user.name },
          resolution: r.code,
          point: r.point,
          action: r.action,
          mandateId: r.mandateId,
          reportedBy: r.actor,
          at: r.at,
          note: r.note,
          evidence: r.link,
          baseUrl,
        });
        const outcome = await deliverOnce(this.outbox, this.mailer, {
          memberId: r.memberId,
          memberCode: r.memberCode,
          userId: user.id,
          recipient: user.email,
          period: `R${r.eventId}`,
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
