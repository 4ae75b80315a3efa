// The baseline for the API benchmark: node:http and one better-sqlite3 query, no framework, no
// auth, the same data and the same question (HB's open mandates, a page of 50, with owners).
'use strict';
const http = require('node:http');
const Database = require('better-sqlite3');

const db = new Database(process.argv[2], { readonly: true });
// The same two statements the API runs: a page walked in index order, then the filtered owner's
// obligation on each of its mandates.
const page = db.prepare(`
  SELECT m.id, m.resolutionId, m.meetingNumber, m.point, m.ordinal, m.owners, m.partners, m.action,
    m.dueKind, m.dueMeeting, m.dueDate, m.dueFromMeeting, m.dueSoft, m.dueText, m.source, m.sourceLine,
    m.corrected, r.code AS resolution_code, dm.date AS due_meeting_date,
    CASE WHEN m.dueKind = 'date' THEN m.dueDate WHEN m.dueKind = 'meeting' THEN dm.date END AS due_on
  FROM mandate m
  JOIN resolution r ON r.id = m.resolutionId
  LEFT JOIN meeting dm ON dm.councilId = r.councilId AND dm.number = m.dueMeeting
  WHERE m.withdrawnAt IS NULL
    AND EXISTS (SELECT 1 FROM obligation o WHERE o.mandateId = m.id AND o.owner = ? AND o.status = ?)
  ORDER BY m.meetingNumber DESC, m.id ASC
  LIMIT 51`);

http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const owner = url.searchParams.get('owner');
    const status = url.searchParams.get('status');
    const rows = page.all(owner, status);
    const items = rows.slice(0, 50);
    const ids = items.map((m) => m.id);
    const obligations = ids.length
      ? db
          .prepare(`SELECT id, mandateId, owner, status, memberId, overdueSince FROM obligation WHERE mandateId IN (${ids.map(() => '?').join(',')}) AND owner = ? ORDER BY id`)
          .all(...ids, owner)
      : [];
    const body = JSON.stringify({
      items: items.map((m) => ({ ...m, owners: obligations.filter((o) => o.mandateId === m.id) })),
      page: 1,
      pageSize: 50,
      hasMore: rows.length > 50,
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  })
  .listen(Number(process.argv[3]), '127.0.0.1', () => process.stdout.write('ready\n'));
