import type { Session } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { composeReminder, reminderKey, remindersDue } from '@app/follow-up';
import { Mailer } from '@app/mail';
import {
  DigestOutboxRepository,
  FollowUpDataRepository,
  MemberRepository,
  UserRepository,
  type Member,
} from '@app/persistence';
import { countOutcome, deliverOnce, type DeliveryTally } from '../digests/outbox-delivery';

export interface ReminderResult extends DeliveryTally {
  /** Obligations of members with a deadline within the lead time. */
  due: number;
  leadDays: number;
}

/** Thrown after a run in which some reminders failed, so the job is retried with backoff. */
export class ReminderDeliveryError extends Error {}

/**
 * Reminds a member's active delegates of each obligation still owed (open or in progress) whose
 * deadline falls within the lead time: one mail per obligation, deadline day and delegate, through
 * the digest outbox (keyed "F<obligation>-<day>"), so a daily run never sends one twice, and a
 * session moved to another day reminds once more.
 */
@Injectable()
export class ReminderService {
  constructor(
    private readonly outbox: DigestOutboxRepository,
    private readonly data: FollowUpDataRepository,
    private readonly members: MemberRepository,
    private readonly users: UserRepository,
    private readonly mailer: Mailer,
  ) {}

  async run(now: Date, baseUrl: string, leadDays: number): Promise<ReminderResult> {
    const [obligations, members, delegates] = await Promise.all([
      this.data.obligations(),
      this.members.all(),
      this.users.activeWithRole('delegate'),
    ]);
    const byId = new Map(members.map((m) => [m.id, m]));
    const owned = obligations.filter((o) => o.memberId !== null && byId.has(o.memberId));
    // Session numbers are per council: each obligation's deadline is dated by the calendar of its
    // owner's council (a member's obligations are all of its council's decisions).
    const byCouncil = new Map<number, typeof owned>();
    for (const o of owned) {
      const councilId = (byId.get(o.memberId as number) as Member).councilId;
      byCouncil.set(councilId, [...(byCouncil.get(councilId) ?? []), o]);
    }
    const due: Array<{ reminder: ReturnType<typeof remindersDue>[number]; sessions: Session[] }> =
      [];
    for (const [councilId, own] of [...byCouncil].sort((a, b) => a[0] - b[0])) {
      const sessions = await this.data.sessions(councilId);
      for (const reminder of remindersDue(own, sessions, now, leadDays))
        due.push({ reminder, sessions });
    }
    const tally: DeliveryTally = { sent: 0, alreadySent: 0, failed: 0 };
    for (const { reminder, sessions } of due) {
      const memberId = (reminder.facts as (typeof owned)[number]).memberId as number;
      const member = byId.get(memberId) as Member;
      for (const user of delegates.filter((u) => u.memberId === memberId)) {
        const message = composeReminder({
          member: { code: member.code, name: member.name },
          recipient: { name: user.name },
          reminder,
          sessions,
          now,
          baseUrl,
        });
        const outcome = await deliverOnce(this.outbox, this.mailer, {
          memberId,
          memberCode: member.code,
          userId: user.id,
          recipient: user.email,
          period: reminderKey(reminder),
          message,
        });
        countOutcome(tally, outcome);
      }
    }
    const { firstError, ...counts } = tally;
    const result: ReminderResult = { due: due.length, leadDays, ...counts };
    if (firstError)
      throw new ReminderDeliveryError(
        `${result.failed} Erinnerungen an Fristen wurden nicht zugestellt. ${firstError}`,
      );
    return result;
  }
}
