import type { Session } from '@app/domain';
import { Injectable } from '@nestjs/common';
import {
  composeSecretariatDigest,
  secretariatDigestPeriod,
  type ObligationFacts,
} from '@app/follow-up';
import { Mailer } from '@app/mail';
import {
  DigestOutboxRepository,
  FollowUpDataRepository,
  MemberRepository,
  UserRepository,
} from '@app/persistence';
import { countOutcome, deliverOnce, type DeliveryTally } from './outbox-delivery';

export interface SecretariatDigestResult {
  period: string;
  planned: number;
  sent: number;
  alreadySent: number;
  failed: number;
}

/** Thrown after a run in which some secretariat digests failed, so the job is retried. */
export class SecretariatDigestDeliveryError extends Error {}

/**
 * The weekly overview for the secretariat: one mail per active secretariat account (digest
 * frequency not "off") and ISO week, with every overdue and every reported obligation across all
 * members. Sent through the digest outbox, so a repeated run sends nothing twice. The outbox is
 * keyed by member; an overview that spans all members is filed under the first member (lowest id)
 * with the period "S2026-W49", which no member digest uses.
 */
@Injectable()
export class SecretariatDigestService {
  constructor(
    private readonly users: UserRepository,
    private readonly members: MemberRepository,
    private readonly outbox: DigestOutboxRepository,
    private readonly data: FollowUpDataRepository,
    private readonly mailer: Mailer,
  ) {}

  async run(now: Date, baseUrl: string): Promise<SecretariatDigestResult> {
    const period = secretariatDigestPeriod(now);
    const result: SecretariatDigestResult = {
      period,
      planned: 0,
      sent: 0,
      alreadySent: 0,
      failed: 0,
    };
    const recipients = await this.users.digestReaders('secretariat');
    const members = await this.members.allInOrder();
    if (recipients.length === 0 || members.length === 0) return result;
    const [obligations, sessions] = await Promise.all([
      this.data.obligations(),
      this.data.sessions(),
    ]);
    // The overview spans all councils: each deadline is dated by its own council's calendar.
    const calendars = new Map<number, Session[]>();
    for (const councilId of new Set(obligations.map((o) => o.councilId)))
      calendars.set(councilId, await this.data.sessions(councilId));
    const sessionsOf = (facts: ObligationFacts) =>
      calendars.get((facts as (typeof obligations)[number]).councilId) ?? sessions;
    const tally: DeliveryTally = { sent: 0, alreadySent: 0, failed: 0 };
    for (const user of recipients) {
      const digest = composeSecretariatDigest({
        recipient: { name: user.name },
        members,
        obligations,
        sessions,
        sessionsOf,
        now,
        baseUrl,
        period: period.slice(1),
      });
      if (!digest) continue;
      result.planned++;
      const outcome = await deliverOnce(this.outbox, this.mailer, {
        memberId: members[0].id,
        memberCode: members[0].code,
        userId: user.id,
        recipient: user.email,
        period,
        message: { subject: digest.subject, text: digest.text, html: digest.html },
      });
      countOutcome(tally, outcome);
    }
    const { firstError, ...counts } = tally;
    Object.assign(result, counts);
    if (firstError)
      throw new SecretariatDigestDeliveryError(
        `${result.failed} von ${result.planned} Wochenübersichten an die Geschäftsstelle wurden nicht zugestellt. ${firstError}`,
      );
    return result;
  }
}
