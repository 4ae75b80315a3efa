import { listPage, OparlRequestError, parseListQuery } from './oparl.list';
import { berlinDayStart, buildPublication, decisionText } from './oparl.publication';
import { decisionWithdrawnAt } from './oparl.times';
import type { OparlData, OparlMandate, OparlObject } from './oparl.types';
import { OparlUrls } from './oparl.urls';

const urls = new OparlUrls('https://tracker.example.org/oparl/v1.1');

function mandate(over: Partial<OparlMandate> = {}): OparlMandate {
  return {
    id: 7,
    point: 2,
    owners: ['HB', 'Arbeitsgruppe X'],
    action: 'berichten',
    source: 'Der IT-Planungsrat bittet Bremen, bis zur 34. Sitzung zu berichten.',
    due: { kind: 'meeting', meeting: 34 },
    withdrawnAt: null,
    createdAt: '2026-01-10T10:00:00.000Z',
    updatedAt: '2026-01-10T10:00:00.000Z',
    obligations: [{ owner: 'HB', status: 'in_progress', updatedAt: '2026-02-01T08:00:00.000Z' }],
    laterDecisions: [
      { kind: 'fulfils', code: '2021/09', resolutionId: 12, at: '2026-03-01T00:00:00.000Z' },
    ],
    ...over,
  };
}

function data(mandates: OparlMandate[] = [mandate()]): OparlData {
  return {
    council: {
      id: 1,
      code: 'itplr',
      name: 'IT-Planungsrat',
      classification: 'Bund-Länder-Gremium',
      since: '2026-01-01T00:00:00.000Z',
    },
    members: [{ id: 3, code: 'HB', name: 'Bremen', kind: 'state', belongsTo: null }],
    meetings: [
      {
        id: 5,
        number: 33,
        kind: 'session',
        body: null,
        label: null,
        date: '2020-10-21',
        approximate: false,
        state: 'held',
        place: null,
      },
      {
        id: 6,
        number: 34,
        kind: 'session',
        body: null,
        label: null,
        date: '2021-03-17',
        approximate: false,
        state: 'planned',
        place: 'Berlin',
      },
    ],
    agendaItems: [{ id: 9, meetingId: 5, number: '4', title: 'Bericht' }],
    documents: [
      {
        id: 2,
        meetingId: 5,
        fileName: 'itplr-33.md',
        documentDate: '2020-10-21',
        ingestedAt: '2026-01-10T10:00:00.000Z',
        resolutionIds: ['2020/40'],
      },
    ],
    decisions: [
      {
        id: 11,
        code: '2020/40',
        meetingId: 5,
        agendaItem: '4',
        title: 'Bericht der Länder',
        documentId: 2,
        points: [
          {
            number: 2,
            text: 'Der IT-Planungsrat bittet Bremen, bis zur 34. Sitzung zu berichten.',
          },
          { number: 1, text: 'Der IT-Planungsrat nimmt den Bericht zur Kenntnis.' },
        ],
        mandates,
      },
      {
        id: 12,
        code: '2021/09',
        meetingId: 6,
        agendaItem: null,
        title: null,
        documentId: 2,
        points: [],
        mandates: [],
      },
    ],
  };
}

const paperOf = (publication: ReturnType<typeof buildPublication>, id: number) =>
  publication.objects.get(urls.paper(id)) as OparlObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the OParl publication', () => {
  it('puts the follow-up on the paper: owners with their status in words, the deadline in words, later decisions', () => {
    const paper = paperOf(buildPublication(urls, data(), 'follow-up', { name: 't' }), 11);
    expect(paper['mandateTracker:mandates']).toEqual([
      {
        point: 2,
        action: 'berichten',
        source: 'Der IT-Planungsrat bittet Bremen, bis zur 34. Sitzung zu berichten.',
        deadline: { kind: 'meeting', meeting: 34, text: '34. Sitzung (17.03.2021)' },
        owners: [
          {
            owner: 'HB',
            name: 'Bremen',
            organization: urls.memberOrganization(3),
            status: 'in_progress',
            statusText: 'in Bearbeitung',
          },
          { owner: 'Arbeitsgruppe X', name: 'Arbeitsgruppe X' },
        ],
        laterDecisions: [{ kind: 'fulfils', reference: '2021/09', paper: urls.paper(12) }],
      },
    ]);
    expect(paper.relatedPaper).toEqual([urls.paper(12)]);
    // A status change is a change of the paper.
    expect(paper.modified).toBe('2026-03-01T00:00:00.000Z');
  });

  it('publishes decisions without their follow-up when asked for decisions only', () => {
    const paper = paperOf(buildPublication(urls, data(), 'decisions', { name: 't' }), 11);
    expect(paper['mandateTracker:mandates']).toBeUndefined();
    expect(paper.relatedPaper).toBeUndefined();
    expect(paper.modified).toBe('2026-01-10T10:00:00.000Z');
    expect(paper).toMatchObject({
      reference: '2020/40',
      date: '2020-10-21',
      name: 'Bericht der Länder',
    });
  });

  it('gives agenda items their decision, and a decision without a listed TOP an agenda item of its own', () => {
    const publication = buildPublication(urls, data(), 'decisions', { name: 't' });
    const meeting33 = publication.objects.get(urls.meeting(5)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(meeting33.agendaItem[0]).toMatchObject({
      id: urls.agendaItem(9),
      number: '4',
      order: 1,
      consultation: urls.consultation(11),
    });
    expect(meeting33.resultsProtocol).toMatchObject({
      fileName: 'itplr-33.md',
      accessUrl: `${urls.documentFile(2)}/content`,
    });
    expect(publication.objects.get(urls.agendaItem(9))?.meeting).toBe(urls.meeting(5));
    const meeting34 = publication.objects.get(urls.meeting(6)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(meeting34.agendaItem.map((a: OparlObject) => a.id)).toEqual([
      urls.decisionAgendaItem(12),
    ]);
    expect(meeting34).toMatchObject({
      meetingState: 'terminiert',
      start: '2021-03-17T00:00:00+01:00',
      location: { description: 'Berlin' },
    });
  });

  it('sends a decision whose mandates were all withdrawn as a deleted object with id, type and created', () => {
    const gone = data([mandate({ withdrawnAt: '2026-04-01T00:00:00.000Z' })]);
    expect(decisionWithdrawnAt(gone.decisions[0])).toBe('2026-04-01T00:00:00.000Z');
    expect(decisionWithdrawnAt(gone.decisions[1])).toBeNull();
    const paper = paperOf(buildPublication(urls, gone, 'follow-up', { name: 't' }), 11);
    expect(paper).toEqual({
      id: urls.paper(11),
      type: 'https://schema.oparl.org/1.1/Paper',
      created: '2026-01-10T10:00:00.000Z',
      modified: '2026-04-01T00:00:00.000Z',
      deleted: true,
    });
    // The meeting that embedded it counts the withdrawal as its change; the TOP stays.
    const publication = buildPublication(urls, gone, 'follow-up', { name: 't' });
    const meeting = publication.objects.get(urls.meeting(5)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(meeting.modified).toBe('2026-04-01T00:00:00.000Z');
    expect(meeting.agendaItem[0]).not.toHaveProperty('consultation');
    expect(publication.objects.get(urls.consultation(11))).toMatchObject({ deleted: true });
    // A decision with an agenda item of its own: that agenda item is sent as deleted too.
    const alone = data([mandate({ withdrawnAt: '2026-04-01T00:00:00.000Z' })]);
    alone.decisions[0].agendaItem = null;
    expect(
      buildPublication(urls, alone, 'follow-up', { name: 't' }).objects.get(
        urls.decisionAgendaItem(11),
      ),
    ).toMatchObject({ type: 'https://schema.oparl.org/1.1/AgendaItem', deleted: true });
    // One withdrawn mandate of several leaves the decision published, the mandate marked.
    const partly = data([
      mandate({ withdrawnAt: '2026-04-01T00:00:00.000Z' }),
      mandate({ id: 8, point: 3 }),
    ]);
    const live = paperOf(buildPublication(urls, partly, 'follow-up', { name: 't' }), 11);
    expect(live.deleted).toBeUndefined();
    expect(live['mandateTracker:mandates'][0].withdrawn).toBe('2026-04-01T00:00:00.000Z');
  });

  it('writes the decision as a decision page the extractor reads', () => {
    const d = data();
    expect(decisionText('IT-Planungsrat', d.meetings[0], d.decisions[0])).toBe(
      'IT-Planungsrat | 21.10.2020 | 33. Sitzung | Beschluss 2020/40\nBericht der Länder\n' +
        '1. Der IT-Planungsrat nimmt den Bericht zur Kenntnis.\n' +
        '2. Der IT-Planungsrat bittet Bremen, bis zur 34. Sitzung zu berichten.\n',
    );
    const special = { ...d.meetings[0], number: null, kind: 'special' };
    expect(decisionText('IT-Planungsrat', special, d.decisions[0]).split('\n')[0]).toBe(
      'IT-Planungsrat | 21.10.2020 | Sondersitzung | Beschluss 2020/40',
    );
  });

  it('starts a day in German time, summer and winter', () => {
    expect(berlinDayStart('2021-03-17')).toBe('2021-03-17T00:00:00+01:00');
    expect(berlinDayStart('2021-07-01')).toBe('2021-07-01T00:00:00+02:00');
  });
});

describe('OParl lists', () => {
  const objects: OparlObject[] = [1, 2, 3, 4, 5].map((n) => ({
    id: `https://x/p/${n}`,
    type: 'https://schema.oparl.org/1.1/Paper',
    created: `2026-01-0${n}T00:00:00.000Z`,
    modified: `2026-02-0${n}T00:00:00.000Z`,
    ...(n === 5 ? { deleted: true } : {}),
  }));

  it('pages in a stable order and keeps the filters in every link', () => {
    const query = parseListQuery({ limit: '2', page: '2', created_since: '2026-01-01T00:00:00Z' });
    const page = listPage(objects, query, 'https://x/p');
    expect(page.data.map((o) => o.id)).toEqual(['https://x/p/3', 'https://x/p/4']);
    expect(page.pagination).toEqual({
      totalElements: 4,
      elementsPerPage: 2,
      currentPage: 2,
      totalPages: 2,
    });
    expect(page.links).toEqual({
      first: 'https://x/p?created_since=2026-01-01T00%3A00%3A00Z&limit=2',
      prev: 'https://x/p?created_since=2026-01-01T00%3A00%3A00Z&limit=2',
      self: 'https://x/p?created_since=2026-01-01T00%3A00%3A00Z&limit=2&page=2',
      last: 'https://x/p?created_since=2026-01-01T00%3A00%3A00Z&limit=2&page=2',
    });
  });

  it('filters by created and modified, and sends deleted objects only with modified_since', () => {
    const ids = (q: Record<string, string>) =>
      listPage(objects, parseListQuery(q), 'https://x/p').data.map((o) => o.id.slice(-1));
    expect(ids({ created_until: '2026-01-02T00:00:00+00:00' })).toEqual(['1', '2']);
    expect(ids({ modified_since: '2026-02-04T00:00:00Z' })).toEqual(['4', '5']);
    expect(ids({ modified_until: '2026-02-04T01:00:00+01:00' })).toEqual(['1', '2', '3', '4']);
  });

  it('leaves out internal lists with omit_internal', () => {
    const meeting = { ...objects[0], agendaItem: [], auxiliaryFile: [] };
    const page = listPage([meeting], parseListQuery({ omit_internal: 'true' }), 'https://x/m');
    expect(page.data[0]).not.toHaveProperty('agendaItem');
    expect(page.links.self).toBe('https://x/m?omit_internal=true');
  });

  it.each([
    [{ modified_since: '2026-01-01' }, 'modified_since'],
    [{ created_until: 'gestern' }, 'created_until'],
    [{ limit: '0' }, 'limit'],
    [{ page: '-1' }, 'page'],
    [{ omit_internal: 'ja' }, 'omit_internal'],
    [{ created_since: ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'] }, 'created_since'],
  ])('refuses %j naming the parameter', (query, name) => {
    let error: unknown;
    try {
      parseListQuery(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OparlRequestError);
    expect((error as OparlRequestError).status).toBe(400);
    expect((error as Error).message).toContain(`„${name}“`);
  });
});
