import type { ObligationStatus } from '@app/domain';
import { decideLinkChanges, type LinkFacts, type LinkedObligation } from './decision-link.rule';

const BY = 'Beschluss 2021/07 (34. Sitzung)';

function obligation(id: number, owner: string, status: ObligationStatus, mandateId = 10) {
  return { id, mandateId, owner, status } satisfies LinkedObligation;
}

const OBLIGATIONS: LinkedObligation[] = [
  obligation(1, 'HB', 'open'),
  obligation(2, 'BY', 'in_progress'),
  obligation(3, 'NW', 'reported'),
  obligation(4, 'HE', 'done'),
  obligation(5, 'SN', 'superseded'),
  obligation(6, 'HB', 'open', 11),
];

function link(overrides: Partial<LinkFacts>): LinkFacts {
  return { kind: 'fulfils', mandateIds: [10], owners: [], due: null, ...overrides };
}

describe('decideLinkChanges', () => {
  it('sets what is still owed to reported when a report is taken note of', () => {
    const changes = decideLinkChanges(link({ kind: 'fulfils' }), OBLIGATIONS, BY);
    expect(changes.statuses).toEqual([
      { obligationId: 1, to: 'reported' },
      { obligationId: 2, to: 'reported' },
    ]);
    expect(changes.history).toEqual([
      {
        obligationId: 1,
        type: 'status',
        fromStatus: 'open',
        toStatus: 'reported',
        note: `Bericht zur Kenntnis genommen in ${BY}`,
      },
      {
        obligationId: 2,
        type: 'status',
        fromStatus: 'in_progress',
        toStatus: 'reported',
        note: `Bericht zur Kenntnis genommen in ${BY}`,
      },
    ]);
    expect(changes.effects.map((e) => [e.owner, e.from, e.to])).toEqual([
      ['HB', 'open', 'reported'],
      ['BY', 'in_progress', 'reported'],
    ]);
    expect(changes.deadline).toBeNull();
    expect(changes.liftOverdue).toEqual([]);
  });

  it('notes a renewed recurring report in its own words', () => {
    const changes = decideLinkChanges(link({ kind: 'renews' }), OBLIGATIONS, BY);
    expect(changes.statuses.map((s) => s.obligationId)).toEqual([1, 2]);
    expect(changes.history[0].note).toBe(`wiederkehrender Bericht entgegengenommen in ${BY}`);
  });

  it('supersedes everything not closed, reported ones too', () => {
    const changes = decideLinkChanges(link({ kind: 'supersedes' }), OBLIGATIONS, BY);
    expect(changes.statuses).toEqual([
      { obligationId: 1, to: 'superseded' },
      { obligationId: 2, to: 'superseded' },
      { obligationId: 3, to: 'superseded' },
    ]);
    expect(changes.history.map((h) => h.note)).toEqual(Array(3).fill(`abgelöst durch ${BY}`));
  });

  it('touches only the named owners of the named mandates', () => {
    const changes = decideLinkChanges(
      link({ kind: 'fulfils', mandateIds: [10, 11], owners: ['HB'] }),
      OBLIGATIONS,
      BY,
    );
    expect(changes.statuses.map((s) => s.obligationId)).toEqual([1, 6]);
  });

  it('sets a new deadline on the mandates and lifts their overdue flags', () => {
    const changes = decideLinkChanges(
      link({ kind: 'extends', owners: ['HB', 'NW', 'HE'], due: { kind: 'meeting', meeting: 36 } }),
      OBLIGATIONS,
      BY,
    );
    expect(changes.deadline).toEqual({
      mandateIds: [10],
      due: { kind: 'meeting', meeting: 36 },
      dueText: 'verlängert: 36. Sitzung',
    });
    expect(changes.statuses).toEqual([]);
    // Every concerned obligation is judged again; the closed one keeps its history quiet.
    expect(changes.liftOverdue).toEqual([1, 3, 4]);
    expect(changes.history).toEqual(
      [1, 3].map((obligationId) => ({
        obligationId,
        type: 'due',
        fromStatus: null,
        toStatus: null,
        note: `Frist verlängert (neu: 36. Sitzung) durch ${BY}`,
      })),
    );
    expect(changes.effects).toEqual([
      { obligationId: 1, mandateId: 10, owner: 'HB', from: 'open', to: 'open', due: '36. Sitzung' },
      {
        obligationId: 3,
        mandateId: 10,
        owner: 'NW',
        from: 'reported',
        to: 'reported',
        due: '36. Sitzung',
      },
    ]);
  });

  it('words a new date deadline as every page does', () => {
    const changes = decideLinkChanges(
      link({ kind: 'extends', due: { kind: 'date', date: '2022-06-30', soft: true } }),
      OBLIGATIONS,
      BY,
    );
    expect(changes.deadline?.dueText).toBe('verlängert: möglichst bis 30.06.2022');
  });

  it('continues a mandate without a new deadline: a note only', () => {
    const changes = decideLinkChanges(link({ kind: 'extends' }), OBLIGATIONS, BY);
    expect(changes.deadline).toBeNull();
    expect(changes.liftOverdue).toEqual([]);
    expect(changes.history.map((h) => h.note)).toEqual(
      Array(3).fill(`Auftrag fortgesetzt durch ${BY}`),
    );
    expect(changes.effects.every((e) => e.due === undefined && e.from === e.to)).toBe(true);
  });

  it('changes nothing for a mere reference, or a link to no stored mandate', () => {
    for (const facts of [link({ kind: 'references' }), link({ mandateIds: [] })]) {
      const changes = decideLinkChanges(facts, OBLIGATIONS, BY);
      expect(changes.statuses).toEqual([]);
      expect(changes.history).toEqual([]);
      expect(changes.effects).toEqual([]);
    }
  });
});
