import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface OverdueChange {
  obligationId: number;
  owner: string;
  resolution: string;
  point: number;
  overdueSince: string | null;
}

export interface OverdueScanResult {
  today: string;
  flagged: number;
  lifted: number;
  /** Up to 100 of the changes, for people to read. */
  sample: { flagged: OverdueChange[]; lifted: OverdueChange[] };
}

const OPEN = `('open', 'in_progress')`;
const OWED = `('open', 'in_progress', 'reported')`;

/**
 * Flags overdue obligations, one set-based statement per rule, and lifts flags whose deadline is
 * no longer passed (a session moved later) or whose obligation was delivered. Running it twice
 * changes nothing the second time.
 *
 * Rules: a one-off deadline (a session or a date) is passed the day after it, for obligations
 * still open or in progress; a recurring report is owed at every session from its first one (or
 * the session after the decision) on, and is missing when no "reported" falls between the
 * previous such session and this one. Events and "none" are never flagged.
 */
@Injectable()
export class OverdueScanService {
  constructor(private readonly dataSource: DataSource) {}

  private dayAfter(expression: string): string {
    return this.dataSource.options.type === 'postgres'
      ? `to_char((${expression})::date + 1, 'YYYY-MM-DD')`
      : `date(${expression}, '+1 day')`;
  }

  /** Mandates whose session deadline has passed: (id, due). */
  private readonly meetingRule = `
    SELECT "m"."id" AS "mid", "dm"."date" AS "due" FROM "mandate" "m"
    JOIN "resolution" "r" ON "r"."id" = "m"."resolutionId"
    JOIN "meeting" "dm" ON "dm"."councilId" = "r"."councilId" AND "dm"."number" = "m"."dueMeeting"
    WHERE "m"."dueKind" = 'meeting' AND "m"."withdrawnAt" IS NULL AND "dm"."state" <> 'cancelled'
      AND "dm"."date" IS NOT NULL AND "dm"."date" < :today`;

  private readonly dateRule = `
    SELECT "m"."id" AS "mid", "m"."dueDate" AS "due" FROM "mandate" "m"
    WHERE "m"."dueKind" = 'date' AND "m"."withdrawnAt" IS NULL AND "m"."dueDate" < :today`;

  /** Sessions a recurring obligation "o" had to report at and did not (correlated on "o"). */
  private readonly missedSessions = `
    FROM "mandate" "rm"
    JOIN "resolution" "rr" ON "rr"."id" = "rm"."resolutionId"
    JOIN "meeting" "decided" ON "decided"."id" = "rr"."meetingId"
    JOIN "meeting" "s" ON "s"."councilId" = "rr"."councilId"
    WHERE "rm"."id" = "obligation"."mandateId"
      AND "s"."state" <> 'cancelled' AND "s"."date" IS NOT NULL AND "s"."date" < :today
      AND "s"."number" >= COALESCE("rm"."dueFromMeeting", "rm"."meetingNumber" + 1)
      AND NOT EXISTS (
        SELECT 1 FROM "obligation_event" "e"
        WHERE "e"."obligationId" = "obligation"."id" AND "e"."toStatus" = 'reported'
          AND substr("e"."at", 1, 10) <= "s"."date"
          AND substr("e"."at", 1, 10) > COALESCE((
            SELECT MAX("p"."date") FROM "meeting" "p"
            WHERE "p"."councilId" = "s"."councilId" AND "p"."number" < "s"."number" AND "p"."state" <> 'cancelled'
              AND "p"."number" >= COALESCE("rm"."dueFromMeeting", "rm"."meetingNumber" + 1)
          ), "decided"."date", '0000-00-00'))`;

  private readonly recurringMandates = `SELECT "id" FROM "mandate" WHERE "dueKind" = 'recurring' AND "withdrawnAt" IS NULL`;

  private shouldBeOverdue(): string {
    return `(
      ("obligation"."status" IN ${OPEN} AND "obligation"."mandateId" IN (SELECT "mid" FROM (${this.meetingRule}) "a"))
      OR ("obligation"."status" IN ${OPEN} AND "obligation"."mandateId" IN (SELECT "mid" FROM (${this.dateRule}) "b"))
      OR ("obligation"."status" IN ${OWED} AND "obligation"."mandateId" IN (${this.recurringMandates}) AND EXISTS (SELECT 1 ${this.missedSessions}))
    )`;
  }

  async scan(now: Date = new Date()): Promise<OverdueScanResult> {
    const today = now.toISOString().slice(0, 10);
    return this.dataSource.transaction(async (manager) => {
      const run = async (sql: string): Promise<number> => {
        const [query, params] = this.dataSource.driver.escapeQueryWithParameters(sql, { today });
        const result = (await manager.queryRunner!.query(query, params, true)) as {
          affected?: number;
        };
        return result.affected ?? 0;
      };
      const select = async (sql: string): Promise<OverdueChange[]> => {
        const [query, params] = this.dataSource.driver.escapeQueryWithParameters(sql, { today });
        const rows = (await manager.query(query, params)) as Array<Record<string, unknown>>;
        return rows.map((r) => ({
          obligationId: Number(r.id),
          owner: String(r.owner),
          resolution: String(r.code),
          point: Number(r.point),
          overdueSince: (r.overdueSince as string | null) ?? null,
        }));
      };
      const describe = (where: string) => `
        SELECT "obligation"."id", "obligation"."owner", "obligation"."overdueSince", "dm2"."point", "dr"."code"
        FROM "obligation" JOIN "mandate" "dm2" ON "dm2"."id" = "obligation"."mandateId"
        JOIN "resolution" "dr" ON "dr"."id" = "dm2"."resolutionId"
        WHERE ${where} ORDER BY "obligation"."id" LIMIT 100`;

      const lifted = await select(
        describe(`"obligation"."overdueSince" IS NOT NULL AND NOT ${this.shouldBeOverdue()}`),
      );
      const liftedCount = await run(
        `UPDATE "obligation" SET "overdueSince" = NULL WHERE "overdueSince" IS NOT NULL AND NOT ${this.shouldBeOverdue()}`,
      );

      const toFlag = await select(
        describe(`"obligation"."overdueSince" IS NULL AND ${this.shouldBeOverdue()}`),
      );
      let flaggedCount = 0;
      flaggedCount += await run(`
        UPDATE "obligation" SET "overdueSince" = (SELECT ${this.dayAfter('"a"."due"')} FROM (${this.meetingRule}) "a" WHERE "a"."mid" = "obligation"."mandateId")
        WHERE "overdueSince" IS NULL AND "status" IN ${OPEN} AND "mandateId" IN (SELECT "mid" FROM (${this.meetingRule}) "a2")`);
      flaggedCount += await run(`
        UPDATE "obligation" SET "overdueSince" = (SELECT ${this.dayAfter('"b"."due"')} FROM (${this.dateRule}) "b" WHERE "b"."mid" = "obligation"."mandateId")
        WHERE "overdueSince" IS NULL AND "status" IN ${OPEN} AND "mandateId" IN (SELECT "mid" FROM (${this.dateRule}) "b2")`);
      flaggedCount += await run(`
        UPDATE "obligation" SET "overdueSince" = (SELECT ${this.dayAfter('MIN("s"."date")')} ${this.missedSessions})
        WHERE "overdueSince" IS NULL AND "status" IN ${OWED} AND "mandateId" IN (${this.recurringMandates})
          AND EXISTS (SELECT 1 ${this.missedSessions})`);
      const flagged = toFlag.length
        ? await select(
            describe(`"obligation"."id" IN (${toFlag.map((c) => c.obligationId).join(', ')})`),
          )
        : [];
      return { today, flagged: flaggedCount, lifted: liftedCount, sample: { flagged, lifted } };
    });
  }
}
