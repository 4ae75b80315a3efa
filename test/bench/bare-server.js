// The baseline for the API benchmark: node:http and one better-sqlite3 statement, no framework, no
// auth, the same data and the same question (HB's open mandates, a page of 50, each with HB's
// obligation), answered with the same statement shape the API runs.
'use strict';
const http = require('node:http');
const Database = require('better-sqlite3');

const db = new Database(process.argv[2], { readonly: true });
// A page walked in index order, each mandate with the asked owner's obligation joined.
const page = db.prepare(`
  SELECT m.id, m.resolutionId, m.meetingNumber, m.point, m.ordinal, m.owners, m.partners, m.action,
    m.dueKind, m.dueMeeting, m.dueDate, m.dueFromMeeting, m.dueSoft, m.dueText, m.source, m.sourceLine,
    m.corrected, r.code AS resolution_code, dm.date AS due_meeting_date,
    CASE WHEN m.dueKind = 'date' THEN m.dueDate WHEN m.dueKind = 'meeting' THEN dm.date END AS due_on,
    ho.id AS owned_id, ho.owner AS owned_owner, ho.status AS owned_status,
    ho.overdueSince AS owned_overdueSince
  FROM mandate m
  JOIN resolution r ON r.id = m.resolutionId
  LEFT JOIN meeting dm ON dm.councilId = r.councilId AND dm.number = m.dueMeeting
  LEFT JOIN obligation ho ON ho.mandateId = m.id AND ho.owner = ?
  WHERE m.withdrawnAt IS NULL
    AND EXISTS (SELECT 1 FROM obligation o WHERE o.mandateId = m.id AND o.owner = ? AND o.status = ?)
  ORDER BY m.meetingNumber DESC, m.id ASC
  LIMIT 51`);

http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const owner = url.searchParams.get('owner');
    const status = url.searchParams.get('status');
    const rows = page.all(owner, owner, status);
    const body = JSON.stringify({
      items: rows.slice(0, 50).map(({ owned_id, owned_owner, owned_status, owned_overdueSince, ...m }) => ({
        ...m,
        owners: JSON.parse(m.owners),
        partners: JSON.parse(m.partners),
        obligations: [{ obligationId: owned_id, owner: owned_owner, status: owned_status, overdueSince: owned_overdueSince }],
      })),
      page: 1,
      pageSize: 50,
      hasMore: rows.length > 50,
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  })
  .listen(Number(process.argv[3]), '127.0.0.1', () => process.stdout.write('ready\n'));
