import type { EarlierMandateRow } from '@app/persistence';
import { KeptMandates } from './kept-mandates';

const row = (id: number, fields: Partial<EarlierMandateRow> = {}): EarlierMandateRow => ({
  id,
  point: 2,
  owners: '["HB","BY"]',
  action: 'über den Stand der Umsetzung zu berichten',
  source: 'Der IT-Planungsrat bittet Bremen und Bayern, über den Stand zu berichten.',
  dueKind: 'meeting',
  dueMeeting: 35,
  dueDate: null,
  dueFromMeeting: null,
  code: '2021/10',
  title: 'Onlinezugang in den Ländern',
  meetingNumber: 34,
  meetingKind: 'session',
  meetingDate: '2021-03-17',
  ...fields,
});

describe('KeptMandates', () => {
  it('hands out the same object for a mandate read again unchanged, in the link finder’s shape', () => {
    const kept = new KeptMandates();
    const first = kept.of(row(7));
    expect(first).toEqual({
      key: 7,
      resolution: '2021/10',
      point: 2,
      owners: ['HB', 'BY'],
      action: 'über den Stand der Umsetzung zu berichten',
      source: 'Der IT-Planungsrat bittet Bremen und Bayern, über den Stand zu berichten.',
      due: { kind: 'meeting', meeting: 35 },
      meeting: 34,
      decidedOn: '2021-03-17',
      title: 'Onlinezugang in den Ländern',
    });
    expect(kept.of(row(7))).toBe(first);
    expect(kept.of(row(8))).not.toBe(first);
  });

  it('hands out a new object once any stored field changed: task, owners, deadline, decision title', () => {
    const kept = new KeptMandates();
    const first = kept.of(row(7));
    const changes: Array<Partial<EarlierMandateRow>> = [
      { action: 'ein Konzept vorzulegen' },
      { owners: '["HB"]' },
      { dueMeeting: 36 },
      { title: 'Onlinezugang' },
      { meetingDate: '2021-03-18' },
    ];
    for (const change of changes) {
      const changed = kept.of(row(7, change));
      expect(changed).not.toBe(first);
      expect(kept.of(row(7, change))).toBe(changed);
    }
    expect(kept.of(row(7, { action: 'ein Konzept vorzulegen' })).action).toBe(
      'ein Konzept vorzulegen',
    );
  });

  it('keeps at most its limit of mandates', () => {
    const kept = new KeptMandates(2);
    const first = kept.of(row(1));
    kept.of(row(2));
    kept.of(row(3));
    expect(kept.of(row(1))).not.toBe(first);
  });
});
