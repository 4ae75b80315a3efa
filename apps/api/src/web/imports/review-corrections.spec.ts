import type { ExtractedMandate } from '@app/extraction';
import type { MemberView } from '@app/tracking';
import { extractedValues, ordinals, readReview } from './review-corrections';

const members: MemberView[] = [
  { code: 'HB', name: 'Bremen', kind: 'state' },
  { code: 'FITKO', name: 'FITKO (Föderale IT-Kooperation)', kind: 'office' },
  { code: 'Bund', name: 'Bund', kind: 'federation' },
];

function mandate(point: number, owners: string[], due: ExtractedMandate['due']): ExtractedMandate {
  return {
    resolution: '2021/07',
    point,
    owners,
    partners: [],
    action: 'etwas tun',
    due,
    dueText: '',
    source: 'Satz.',
    line: 9,
    basis: 'request',
    basisText: 'bittet',
    uncertain: [],
    newOwners: [],
  };
}

const extracted = [
  mandate(2, ['FITKO'], { kind: 'meeting', meeting: 35 }),
  mandate(2, ['AG Cloud'], { kind: 'none' }),
  mandate(3, ['HB'], { kind: 'date', date: '2021-12-31' }),
];

function form(changes: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  extracted.forEach((m, i) => {
    const v = extractedValues(m);
    Object.assign(fields, {
      [`owners-${i}`]: v.owners,
      [`dueKind-${i}`]: v.dueKind,
      [`dueMeeting-${i}`]: v.dueMeeting,
      [`dueDate-${i}`]: v.dueDate,
    });
  });
  return { ...fields, ...changes };
}

describe('import review', () => {
  it('numbers mandates within their point as the ingest does', () => {
    expect(ordinals(extracted)).toEqual([1, 2, 1]);
  });

  it('finds no correction when nothing was changed', () => {
    const review = readReview(form({}), extracted, members);
    expect(review.errors.size).toBe(0);
    expect(review.corrections).toEqual([]);
  });

  it('turns changed owners (codes or names, any case) and deadlines into corrections', () => {
    const review = readReview(
      form({ 'owners-0': 'fitko, Bremen', 'dueKind-2': 'meeting', 'dueMeeting-2': '49' }),
      extracted,
      members,
    );
    expect(review.errors.size).toBe(0);
    expect(review.corrections).toEqual([
      expect.objectContaining({ index: 0, point: 2, ordinal: 1, owners: ['FITKO', 'HB'] }),
      expect.objectContaining({
        index: 2,
        point: 3,
        ordinal: 1,
        due: { kind: 'meeting', meeting: 49 },
      }),
    ]);
    expect(review.corrections[0].due).toBeUndefined();
  });

  it('keeps an owner the extraction named by name, and refuses unknown ones and bad dates', () => {
    const review = readReview(
      form({
        'owners-0': 'HBB',
        'owners-1': 'AG Cloud',
        'dueDate-2': '2021-02-30',
        'owners-2': ' , ',
      }),
      extracted,
      members,
    );
    expect(review.errors.get(0)?.[0]).toContain('Unbekannte Zuständige: HBB');
    expect(review.errors.has(1)).toBe(false);
    expect(review.errors.get(2)).toEqual([
      'Bitte mindestens einen Zuständigen angeben.',
      'Für eine Frist zu einem Datum bitte ein gültiges Datum angeben.',
    ]);
    expect(review.values[0].owners).toBe('HBB');
  });
});
