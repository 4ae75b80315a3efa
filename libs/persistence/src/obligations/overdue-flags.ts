import { dueOfColumns, OWED_STATUSES, sqlList, type Session } from '@app/domain';
import { overdueSince } from '@app/follow-up';
import type { EntityManager } from 'typeorm';

export interface OverdueChange {
  obligationId: number;
  owner: string;
  resolution: string;
  point: number;
  overdueSince: string | null;
}

export interface OverdueRefreshResult {
  today: string;
  flagged: number;
  lifted: number;
  /** Up to 100 of the changes, for people to read. */
  sample: { flagged: OverdueChange[]; lifted: OverdueChange[] };
}

/** Which obligations to judge again: those of some mandates, or (absent) all of them. */
export interface OverdueScope {
  mandateIds?: number[];
}

/** Only what is still owed can be overdue. */
const OPEN = sqlList(OWED_STATUSES);
const SAMPLE = 100;
const CHUNK = 500;

/**
 * Keeps `obligation.overdueSince` equal to the overdue rule of @app/follow-up (`overdueSince`),
 * the one definition every page, list, export, report, digest and feed reads. Called by every
 * writer that can change the answer (ingest, a status change, a calendar change, a corrected
 * deadline, a confirmed link) inside its transaction, for the mandates it touched, and by the
 * daily scan for all, as days pass. Running it twice changes nothing the second time.
 *
 * One-off deadlines (a session, resolved past cancellations as the rule does, or a date) are
 * judged by one set-based statement each way; recurring duties, whose windows between sessions
 * the rule walks, are few and are judged by the rule itself.
 */
export async function refreshOverdueFlags(
  manager: EntityManager,
  now: Date,
  scope: OverdueScope = {},
): Promise<OverdueRefreshResult> {
  const today = now.toISOString().slice(0, 10);
  const result: OverdueRefreshResult = {
    today,
    flagged: 0,
    lifted: 0,
    sample: { flagged: [], lifted: [] },
  };
  const ids = scope.mandateIds && [...new Set(scope.mandateIds)].map(Number);
  if (ids && ids.length === 0) return result;
  const chunks = ids
    ? Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_, i) =>
        ids.slice(i * CHUNK, (i + 1) * CHUNK),
      )
    : [undefined];
  for (const chunk of chunks) {
    // The scope narrows the obligations and, as much, the mandates their deadlines are read
    // from: a write's refresh then reads what it touched, not every mandate of the database.
    const of = (column: string) => (chunk ? `${column} IN (${chunk.join(', ')})` : EVERY);
    await refreshOneOff(manager, today, of, chunk !== undefined, result);
    await refreshRecurring(manager, now, of, result);
  }
  return result;
}

function dayAfter(manager: EntityManager, expression: string): string {
  return manager.connection.options.type === 'postgres'
    ? `to_char((${expression})::date + 1, 'YYYY-MM-DD')`
    : `date(${expression}, '+1 day')`;
}

/** Narrows a statement to some mandates: the SQL condition on the given id column. */
type Scope = (column: string) => string;
const EVERY = '1 = 1';

/**
 * A mandate's deadline kind as a condition. Narrowed to some mandates, the kind is read, not
 * searched: SQLite (no statistics) would otherwise walk every mandate of that kind by the index
 * on (dueKind, dueDate) and only then keep the few in scope, a cost that grew with the database
 * on every ingest's refresh.
 */
const dueKindIs = (of: Scope, column: string, kind: string) =>
  `${of(column) === EVERY ? column : `(${column} || '')`} = '${kind}'`;

/**
 * Mandates (in scope) with a passed one-off deadline: (mid, due). A cancelled session hands its
 * deadline to the next session that takes place (`effectiveSession`); an unscheduled one has no
 * day yet.
 */
const oneOff = (of: Scope) => `
  SELECT "mid", "due" FROM (
    SELECT "m"."id" AS "mid", CASE WHEN "dm"."state" <> 'cancelled' THEN "dm"."date" ELSE (
      SELECT "nx"."date" FROM "meeting" "nx"
      WHERE "nx"."councilId" = "dm"."councilId" AND "nx"."kind" = 'session'
        AND "nx"."number" > "dm"."number" AND "nx"."state" <> 'cancelled'
      ORDER BY "nx"."number" LIMIT 1) END AS "due"
    FROM "mandate" "m"
    JOIN "resolution" "r" ON "r"."id" = "m"."resolutionId"
    JOIN "meeting" "dm" ON "dm"."councilId" = "r"."councilId" AND "dm"."kind" = 'session'
      AND "dm"."number" = "m"."dueMeeting"
    WHERE ${dueKindIs(of, '"m"."dueKind"', 'meeting')} AND "m"."withdrawnAt" IS NULL AND ${of('"m"."id"')}
    UNION ALL
    SELECT "m"."id" AS "mid", "m"."dueDate" AS "due" FROM "mandate" "m"
    WHERE ${dueKindIs(of, '"m"."dueKind"', 'date')} AND "m"."withdrawnAt" IS NULL AND ${of('"m"."id"')}
  ) "d" WHERE "due" IS NOT NULL AND "due" < :today`;

/**
 * Makes writers of obligations wait for a scan of every obligation, inside the scan's transaction.
 * The scan's set-based updates lock obligations in whatever order PostgreSQL walks them, while a
 * status change locks its obligation and then its mandate's others: each waiting for the other,
 * PostgreSQL aborts one, and a user's change fails with a 500 (seen under load in `npm run bench
 * -- stack`). Taking the table's write lock first makes writers wait for the scan instead, and two
 * scans run one after the other; reads go on. SQLite has one writer at a time anyway.
 */
export async function lockObligationsForScan(manager: EntityManager): Promise<void> {
  if (manager.connection.options.type === 'postgres')
    await manager.query('LOCK TABLE "obligation" IN SHARE ROW EXCLUSIVE MODE');
}

/**
 * Mandates whose one-off deadline day falls in [from, to): those that became overdue on a day
 * between two daily scans. Everything else keeps its flag as the writers left it.
 */
export async function mandatesDueBetween(
  manager: EntityManager,
  from: string,
  to: string,
): Promise<number[]> {
  // From the few sessions whose day falls in the window (a cancelled one's handed on to the
  // next that takes place) to their mandates through (resolutionId, dueMeeting), and the date
  // deadlines in the window: no pass over every mandate.
  const rows = await execute(
    manager,
    `SELECT "m"."id" FROM "meeting" "dm"
      JOIN "resolution" "r" ON "r"."councilId" = "dm"."councilId"
      JOIN "mandate" "m" ON "m"."resolutionId" = "r"."id" AND "m"."dueMeeting" = "dm"."number"
      WHERE "dm"."kind" = 'session' AND "m"."dueKind" = 'meeting' AND "m"."withdrawnAt" IS NULL
        AND CASE WHEN "dm"."state" <> 'cancelled' THEN "dm"."date" ELSE (
          SELECT "nx"."date" FROM "meeting" "nx"
          WHERE "nx"."councilId" = "dm"."councilId" AND "nx"."kind" = 'session'
            AND "nx"."number" > "dm"."number" AND "nx"."state" <> 'cancelled'
          ORDER BY "nx"."number" LIMIT 1) END >= :from
        AND CASE WHEN "dm"."state" <> 'cancelled' THEN "dm"."date" ELSE (
          SELECT "nx"."date" FROM "meeting" "nx"
          WHERE "nx"."councilId" = "dm"."councilId" AND "nx"."kind" = 'session'
            AND "nx"."number" > "dm"."number" AND "nx"."state" <> 'cancelled'
          ORDER BY "nx"."number" LIMIT 1) END < :to
      UNION
      SELECT "m"."id" FROM "mandate" "m"
      WHERE "m"."dueKind" = 'date' AND "m"."withdrawnAt" IS NULL
        AND "m"."dueDate" >= :from AND "m"."dueDate" < :to`,
    { from, to },
  );
  return rows.map((r) => Number(r.id));
}

/** Mandates with a recurring duty: their windows move with every session, so each scan judges them. */
export async function recurringMandates(manager: EntityManager): Promise<number[]> {
  return (await execute(manager, recurring(() => '1 = 1'), {})).map((r) => Number(r.id));
}

const recurring = (of: Scope) =>
  `SELECT "id" FROM "mandate" WHERE ${dueKindIs(of, '"dueKind"', 'recurring')} AND "withdrawnAt" IS NULL AND ${of('"id"')}`;

async function execute(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<Array<Record<string, unknown>>> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
  return (await manager.query(query, values)) as Array<Record<string, unknown>>;
}

/** A writing statement's result as both drivers give it: rows it returned, rows it changed. */
async function write(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<{ records?: Array<Record<string, unknown>>; affected?: number }> {
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, parameters);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    return (await runner.query(query, values, true)) as {
      records?: Array<Record<string, unknown>>;
      affected?: number;
    };
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

async function update(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<number> {
  return (await write(manager, sql, parameters)).affected ?? 0;
}

/** The SQLite connection's own statements, which TypeORM does not expose (better-sqlite3). */
interface SqliteConnection {
  prepare(sql: string): { pluck(): { iterate(...values: unknown[]): Iterable<unknown> } };
}

/**
 * An UPDATE of obligations: how many rows it changed, and the lowest `SAMPLE` of their ids.
 * On SQLite the ids are read one by one from the statement and only the lowest kept: taken all at
 * once into one array (TypeORM's way), the 665,335 ids of the bench's first scan cost about a
 * second of CPU, as much as half the update itself. (SQLite promises no order for the rows of
 * RETURNING, hence the lowest kept rather than the first.)
 */
async function updateReturningIds(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<{ count: number; lowest: number[] }> {
  const returning = `${sql} RETURNING "obligation"."id"`;
  if (manager.connection.options.type === 'postgres') {
    // PostgreSQL counts and picks them itself: one row per id of the sample, not every id sent.
    const rows = await execute(
      manager,
      `WITH "u" AS (${returning})
       SELECT "id", (SELECT COUNT(*) FROM "u") AS "count" FROM "u" ORDER BY "id" LIMIT ${SAMPLE}`,
      parameters,
    );
    return { count: Number(rows[0]?.count ?? 0), lowest: rows.map((r) => Number(r.id)) };
  }
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(
    returning,
    parameters,
  );
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const db = (await runner.connect()) as SqliteConnection;
    let count = 0;
    const lowest: number[] = [];
    for (const value of db.prepare(query).pluck().iterate(...values)) {
      count++;
      const id = Number(value);
      if (lowest.length === SAMPLE && id >= lowest[SAMPLE - 1]) continue;
      let at = lowest.length;
      while (at > 0 && lowest[at - 1] > id) at--;
      lowest.splice(at, 0, id);
      if (lowest.length > SAMPLE) lowest.pop();
    }
    return { count, lowest };
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}

const describe = (where: string, join = '') => `
  SELECT "obligation"."id", "obligation"."owner", "obligation"."overdueSince", "dm2"."point", "dr"."code"
  FROM "obligation" JOIN "mandate" "dm2" ON "dm2"."id" = "obligation"."mandateId"
  JOIN "resolution" "dr" ON "dr"."id" = "dm2"."resolutionId" ${join}
  WHERE ${where} ORDER BY "obligation"."id" LIMIT ${SAMPLE}`;

const toChange = (r: Record<string, unknown>): OverdueChange => ({
  obligationId: Number(r.id),
  owner: String(r.owner),
  resolution: String(r.code),
  point: Number(r.point),
  overdueSince: (r.overdueSince as string | null) ?? null,
});

function addSample(list: OverdueChange[], changes: OverdueChange[]): void {
  list.push(...changes.slice(0, Math.max(0, SAMPLE - list.length)));
}

async function refreshOneOff(
  manager: EntityManager,
  today: string,
  of: Scope,
  scoped: boolean,
  result: OverdueRefreshResult,
): Promise<void> {
  const p = { today };
  const scope = of('"obligation"."mandateId"');
  // Scoped, the status is read, not searched: SQLite (no statistics) would otherwise walk every
  // owed obligation of the database by the status index instead of the scope's by mandate.
  const status = scoped ? `("obligation"."status" || '')` : '"obligation"."status"';
  // Joined, not a subquery per obligation: PostgreSQL would run that once per row.
  const since = `(SELECT "mid", ${dayAfter(manager, '"d0"."due"')} AS "since" FROM (${oneOff(of)}) "d0") "d"`;
  const overdue = `("obligation"."status" IN ${OPEN} AND "obligation"."mandateId" IN (SELECT "mid" FROM (${oneOff(of)}) "d1"))`;
  const notRecurring = `"obligation"."mandateId" NOT IN (${recurring(of)})`;
  const lift = `"obligation"."overdueSince" IS NOT NULL AND ${scope} AND ${notRecurring} AND NOT ${overdue}`;
  const toLift = (await execute(manager, describe(lift), p)).map(toChange);
  addSample(result.sample.lifted, toLift);
  // Fewer than a sample's worth found: that is all of them, lifted by id without a second pass
  // over the table (a daily scan mostly lifts nothing).
  result.lifted +=
    toLift.length < SAMPLE
      ? toLift.length > 0
        ? await update(
            manager,
            `UPDATE "obligation" SET "overdueSince" = NULL WHERE "id" IN (${toLift.map((c) => c.obligationId).join(', ')})`,
            p,
          )
        : 0
      : await update(manager, `UPDATE "obligation" SET "overdueSince" = NULL WHERE ${lift}`, p);
  const flag = `"dk"."id" = "obligation"."mandateId" AND ${scope} AND ${status} IN ${OPEN}
    AND ("obligation"."overdueSince" IS NULL OR "obligation"."overdueSince" <> "d"."since")`;
  // The statement names what it flagged (RETURNING, on SQLite and PostgreSQL): reading the same
  // set beforehand for the sample cost as much again as the update over a million obligations.
  // The deadlines are joined to their mandate again by its id, whose statistics PostgreSQL knows
  // (not those of the subquery's column): it then builds its hash of the mandates, not of the
  // obligations, and walks the obligations in their order on disk (on the bench's first scan, with
  // the hash of the obligations spilled to disk, 290,000 page writes for a table of 25,600 pages;
  // so, 46,000).
  const flagged = await updateReturningIds(
    manager,
    `UPDATE "obligation" SET "overdueSince" = "d"."since"
     FROM ${since} JOIN "mandate" "dk" ON "dk"."id" = "d"."mid" WHERE ${flag}`,
    p,
  );
  result.flagged += flagged.count;
  const first = flagged.lowest;
  if (first.length > 0) {
    const after = await execute(manager, describe(`"obligation"."id" IN (${first.join(', ')})`), p);
    addSample(result.sample.flagged, after.map(toChange));
  }
}

async function sessionsOf(
  manager: EntityManager,
  councilId: number,
  cache: Map<number, Session[]>,
): Promise<Session[]> {
  const known = cache.get(councilId);
  if (known) return known;
  const rows = await execute(
    manager,
    `SELECT "number", "date", "state" FROM "meeting" WHERE "councilId" = :councilId AND "kind" = 'session' AND "number" IS NOT NULL ORDER BY "number"`,
    { councilId },
  );
  const sessions = rows.map((r) => ({
    number: Number(r.number),
    date: (r.date as string | null) ?? null,
    state: r.state as Session['state'],
  }));
  cache.set(councilId, sessions);
  return sessions;
}

async function refreshRecurring(
  manager: EntityManager,
  now: Date,
  of: Scope,
  result: OverdueRefreshResult,
): Promise<void> {
  const scope = of('"obligation"."mandateId"');
  const rows = await execute(
    manager,
    `SELECT "obligation"."id", "obligation"."owner", "obligation"."status", "obligation"."overdueSince",
        "m"."dueFromMeeting", "m"."createdAt", "m"."point", "r"."code", "r"."councilId", "mt"."date" AS "decided"
      FROM "obligation" JOIN "mandate" "m" ON "m"."id" = "obligation"."mandateId"
      JOIN "resolution" "r" ON "r"."id" = "m"."resolutionId"
      JOIN "meeting" "mt" ON "mt"."id" = "r"."meetingId"
      WHERE ${scope} AND ${dueKindIs(of, '"m"."dueKind"', 'recurring')} AND "m"."withdrawnAt" IS NULL
      ORDER BY "obligation"."id"`,
    {},
  );
  if (rows.length === 0) return;
  const reports = new Map<number, string[]>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => Number(r.id));
    const events = await execute(
      manager,
      `SELECT "obligationId", "at" FROM "obligation_event" WHERE "toStatus" = 'reported' AND "obligationId" IN (${chunk.join(', ')}) ORDER BY "id"`,
      {},
    );
    for (const e of events) {
      const list = reports.get(Number(e.obligationId)) ?? [];
      list.push(String(e.at));
      reports.set(Number(e.obligationId), list);
    }
  }
  const sessions = new Map<number, Session[]>();
  const changes = new Map<string | null, OverdueChange[]>();
  for (const r of rows) {
    const id = Number(r.id);
    const since = overdueSince(
      {
        id,
        owner: String(r.owner),
        status: r.status as Parameters<typeof overdueSince>[0]['status'],
        due: dueOfColumns({ dueKind: 'recurring', dueFromMeeting: r.dueFromMeeting }),
        decidedAt: (r.decided as string | null) ?? String(r.createdAt).slice(0, 10),
        reports: reports.get(id) ?? [],
        resolution: String(r.code),
        point: Number(r.point),
        action: '',
        source: '',
        mandateId: 0,
      },
      await sessionsOf(manager, Number(r.councilId), sessions),
      now,
    );
    const stored = (r.overdueSince as string | null) ?? null;
    if (since === stored) continue;
    const change = { ...toChange(r), overdueSince: since };
    changes.set(since, [...(changes.get(since) ?? []), change]);
  }
  for (const [since, list] of changes) {
    for (let i = 0; i < list.length; i += CHUNK) {
      const chunk = list.slice(i, i + CHUNK).map((c) => c.obligationId);
      await update(
        manager,
        `UPDATE "obligation" SET "overdueSince" = :since WHERE "id" IN (${chunk.join(', ')})`,
        { since },
      );
    }
    if (since === null) {
      result.lifted += list.length;
      addSample(result.sample.lifted, list);
    } else {
      result.flagged += list.length;
      addSample(result.sample.flagged, list);
    }
  }
}
