import { overdueSince } from '@app/follow-up';
import { DigestService } from '@app/jobs';
import { FollowUpDataRepository } from '@app/persistence';
import type { ApiFixture } from './api-app';
import type { Agent } from './web-agent';

/** Rows of the house CSV (BOM, ";", quoted fields with doubled quotes and line breaks). */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  const endField = () => {
    rows[rows.length - 1].push(field);
    field = '';
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ';') endField();
    else if (ch === '\n') {
      endField();
      rows.push([]);
    } else if (ch !== '\r') field += ch;
  }
  const [headers, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ''])));
}

/** Who reads the views: the secretariat and a delegate of the member, in pages and the API. */
export interface Readers {
  /** The secretariat, signed in on the pages. */
  admin: Agent;
  /** A delegate of the member, signed in on the pages. */
  delegate: Agent;
  /** The delegate's "Authorization" header value. */
  delegateBearer: string;
  /** The secretariat's "Authorization" header value (fresh: access tokens last 15 minutes). */
  adminBearer: () => Promise<string>;
  /** A calendar token of the delegate. */
  calendarToken: string;
}

/**
 * How many of a member's obligations each view calls overdue: the overview, "Meine Aufträge",
 * the mandate pages, the API list and its filter, the CSV export, the member report, the session
 * preparations, the digest and the calendar feed, beside what the rule of @app/follow-up says
 * for today from the stored facts. `preparationMandates` is 0 when every overdue obligation with
 * a session deadline shows in some session's preparation.
 */
export async function overdueCounts(
  api: ApiFixture,
  readers: Readers,
  member = 'HB',
): Promise<Record<string, number>> {
  const auth = { Authorization: readers.delegateBearer };
  const overview = (await readers.admin.get('/overview').expect(200)).text;
  const row =
    new RegExp(`<a href="/overview\\?owner=${member}">${member}</a>[\\s\\S]*?</tr>`).exec(
      overview,
    )?.[0] ?? '';
  const cells = [...row.matchAll(/<td class="number">(?:<span class="overdue">)?(\d+)/g)];

  const me = (await readers.delegate.get('/me').expect(200)).text;

  const list = await api
    .http()
    .get(`/api/mandates?owner=${member}&pageSize=500`)
    .set(auth)
    .expect(200);
  const items = list.body.items as Array<{
    id: number;
    due: { kind: string };
    owners: Array<{ owner: string; overdueSince: string | null; obligationId: number }>;
  }>;
  const apiOverdue = items.flatMap((m) =>
    m.owners.filter((o) => o.owner === member && o.overdueSince !== null),
  );
  const filtered = await api
    .http()
    .get(`/api/mandates?owner=${member}&overdue=true&includeTotal=true`)
    .set(auth)
    .expect(200);

  let mandatePages = 0;
  for (const m of items) {
    const page = (await readers.admin.get(`/mandates/${m.id}`).expect(200)).text;
    const mine = new RegExp(
      `<tr data-obligation="\\d+">\\s*<th scope="row">${member}</th>[\\s\\S]*?</tr>`,
    ).exec(page);
    if (mine?.[0].includes('class="overdue">seit')) mandatePages++;
  }

  const csv = parseCsv(
    (await api.http().get(`/api/exports/obligations.csv?owner=${member}`).set(auth).expect(200))
      .text,
  );
  const report = parseCsv(
    (await api.http().get(`/api/members/${member}/report?format=csv`).set(auth).expect(200)).text,
  );

  const meetings = (await api.http().get('/api/meetings').set(auth).expect(200)).body as Array<{
    number: number | null;
  }>;
  const prepared = new Set<string>();
  const staff = await readers.adminBearer();
  for (const { number } of meetings) {
    if (number === null) continue;
    const rows = parseCsv(
      (
        await api
          .http()
          .get(`/api/meetings/${number}/preparation?format=csv`)
          .set('Authorization', staff)
          .expect(200)
      ).text,
    );
    for (const r of rows)
      if (r['Zuständig'] === member && r['Überfällig seit']) prepared.add(r['Link']);
  }
  const dueAtSessions = new Set(
    items
      .filter((m) => m.due.kind === 'meeting' || m.due.kind === 'recurring')
      .filter((m) => m.owners.some((o) => o.owner === member && o.overdueSince !== null))
      .map((m) => m.id),
  );

  const digest = await api.app.get(DigestService).run({
    frequency: 'weekly',
    now: new Date(),
    baseUrl: 'http://127.0.0.1',
    member,
    dryRun: true,
  });
  const ics = (
    await api
      .http()
      .get(`/api/members/${member}/calendar.ics?token=${readers.calendarToken}`)
      .expect(200)
  ).text;

  const data = api.app.get(FollowUpDataRepository);
  const sessions = await data.sessions();
  const now = new Date();
  const rule = (await data.obligations({ owner: member })).filter(
    ({ overdueSince: _stored, ...facts }) => overdueSince(facts, sessions, now) !== null,
  ).length;

  return {
    rule,
    overview: Number(cells[3]?.[1]),
    me: (me.match(/class="card is-overdue"/g) ?? []).length,
    apiList: apiOverdue.length,
    apiFilterTotal: filtered.body.total as number,
    mandatePages,
    csv: csv.filter((r) => r['Überfällig seit'] !== '').length,
    memberReport: report.filter((r) => r['Abschnitt'] === 'Überfällig').length,
    digest: digest.dryRun?.[0]?.digest.counts.overdue ?? 0,
    calendar: (ics.match(/^SUMMARY:Überfällig: /gm) ?? []).length,
    preparationMandates: prepared.size - dueAtSessions.size,
  };
}

/** Asserts that every view gives the rule's count; answers it. */
export function expectOneOverdueCount(found: Record<string, number>): number {
  const { preparationMandates, ...rest } = found;
  expect(preparationMandates).toBe(0);
  expect(rest).toEqual(Object.fromEntries(Object.keys(rest).map((k) => [k, found.rule])));
  return found.rule;
}
