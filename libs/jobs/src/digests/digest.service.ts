import type { Session } from '@app/domain';
import { Injectable, Logger } from '@nestjs/common';
import { composeDigest, digestPeriod, type Digest } from '@app/follow-up';
import { Mailer } from '@app/mail';
import {
  DigestOutboxRepository,
  FollowUpDataRepository,
  MemberRepository,
  UserRepository,
  type DigestOutbox,
  type DigestFrequency,
  type Member,
  type User,
} from '@app/persistence';
import { deliverOnce } from './outbox-delivery';

export interface DigestRunOptions {
  frequency: Exclude<DigestFrequency, 'off'>;
  now: Date;
  baseUrl: string;
  member?: string;
  dryRun?: boolean;
}

export interface PlannedDigest {
  member: string;
  recipient: string;
  period: string;
  digest: Digest;
}

export interface DigestRunResult {
  period: string;
  planned: number;
  sent: number;
  alreadySent: number;
  failed: Array<{ member: string; recipient: string; error: string }>;
  dryRun?: PlannedDigest[];
}

export interface UndeliveredDigest {
  id: number;
  member: string;
  recipient: string;
  period: string;
  attempts: number;
  /** Why the last attempt failed, as the mailer said it (German). */
  reason: string;
}

/** What the jobs page names an undelivered overview of the secretariat by, in place of a member. */
export const SECRETARIAT_OVERVIEW = 'Wochenübersicht der Geschäftsstelle';

/** Mails in flight at once (the SMTP transport keeps as many connections). */
const DELIVERY_LANES = 8;

/** Thrown after a run in which some digests failed, so the job is retried with backoff. */
export class DigestDeliveryError extends Error {}

/**
 * One digest per member, delegate and period. The outbox row (member, recipient, period) is
 * written before sending and marked sent only after the SMTP server accepted the message: a
 * rerun or a retry sends what is missing and never a second copy of what was accepted.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger('Digests');

  constructor(
    private readonly users: UserRepository,
    private readonly members: MemberRepository,
    private readonly outbox: DigestOutboxRepository,
    private readonly data: FollowUpDataRepository,
    private readonly mailer: Mailer,
  ) {}

  async run(options: DigestRunOptions): Promise<DigestRunResult> {
    const period = digestPeriod(options.now, options.frequency);
    const result: DigestRunResult = {
      period,
      planned: 0,
      sent: 0,
      alreadySent: 0,
      failed: [],
      ...(options.dryRun ? { dryRun: [] } : {}),
    };
    const users = await this.users.digestReaders('delegate', options.frequency);
    const members = await this.members.byIds([
      ...new Set(users.map((u) => u.memberId).filter((id): id is number => id !== null)),
    ]);
    // Each member's digest is of its own council: its decisions, dated by its council's calendar.
    const calendars = new Map<number, Session[]>();
    // Several members at once: each mail waits for the SMTP server's answer, so sending one after
    // the other would leave the connections idle most of the time.
    const queue = members.filter((m) => !options.member || m.code === options.member);
    const planned: Array<{ member: Member; user: User; digest: Digest }> = [];
    for (const member of queue) {
      const obligations = await this.data.obligations({
        owner: member.code,
        councilId: member.councilId,
      });
      if (!calendars.has(member.councilId))
        calendars.set(member.councilId, await this.data.sessions(member.councilId));
      const sessions = calendars.get(member.councilId) ?? [];
      for (const user of users.filter((u) => u.memberId === member.id)) {
        const digest = composeDigest({
          member: { code: member.code, name: member.name },
          recipient: { name: user.name, email: user.email },
          obligations,
          sessions,
          now: options.now,
          baseUrl: options.baseUrl,
          period,
        });
        if (!digest) continue;
        result.planned++;
        if (options.dryRun)
          result.dryRun?.push({ member: member.code, recipient: user.email, period, digest });
        else planned.push({ member, user, digest });
      }
    }
    let next = 0;
    const lanes = Array.from({ length: Math.min(DELIVERY_LANES, planned.length) }, async () => {
      while (next < planned.length) {
        const item = planned[next++];
        await this.deliver(item.member, item.user, item.digest, period, result);
      }
    });
    await Promise.all(lanes);
    if (!options.dryRun && !this.mailer.configured && result.planned > 0) {
      this.logger.warn(
        `${result.planned} E-Mail-Übersichten warten: kein Mailserver eingerichtet (SMTP_URL)`,
      );
    }
    if (result.failed.length > 0) {
      throw new DigestDeliveryError(
        `${result.failed.length} von ${result.planned} E-Mail-Übersichten wurden nicht zugestellt. ${result.failed[0].error}`,
      );
    }
    return result;
  }

  private async deliver(
    member: Member,
    user: User,
    digest: Digest,
    period: string,
    result: DigestRunResult,
  ): Promise<void> {
    const outcome = await deliverOnce(this.outbox, this.mailer, {
      memberId: member.id,
      memberCode: member.code,
      userId: user.id,
      recipient: user.email,
      period,
      message: { subject: digest.subject, text: digest.text, html: digest.html },
    });
    if (outcome === 'sent') result.sent++;
    else if (outcome === 'already-sent') result.alreadySent++;
    else result.failed.push({ member: member.code, recipient: user.email, error: outcome.error });
  }

  /** The same, with the member's code, newest period first: what the jobs page lists. */
  async undelivered(): Promise<UndeliveredDigest[]> {
    const rows = await this.failed();
    const members = await this.members.byIds([...new Set(rows.map((r) => r.memberId))]);
    const codes = new Map(members.map((m) => [m.id, m.code]));
    return rows
      .map((r) => ({
        id: r.id,
        // The secretariat's overview spans all members: it is filed under one, but named as what it is.
        member: r.period.startsWith('S')
          ? SECRETARIAT_OVERVIEW
          : (codes.get(r.memberId) ?? String(r.memberId)),
        recipient: r.recipient,
        // Its week is the members' week: "Zeitraum … erneut senden" sends both.
        period: r.period.replace(/^S/, ''),
        attempts: r.attempts,
        reason: r.lastError ?? '',
      }))
      .sort((a, b) => b.period.localeCompare(a.period) || a.id - b.id);
  }

  /** Digests that could not be delivered, for people to see and re-send. */
  async failed(): Promise<DigestOutbox[]> {
    return this.outbox.failed();
  }
}
