import { planOwners, type OwnedObligation } from './obligation-owners.rule';

const EXISTING: OwnedObligation[] = [
  { id: 1, owner: 'HB', status: 'in_progress' },
  { id: 2, owner: 'BY', status: 'open' },
  { id: 3, owner: 'NW', status: 'superseded' },
];

describe('planOwners', () => {
  it('changes nothing when the owners are those of the obligations', () => {
    expect(planOwners(['HB', 'BY'], EXISTING)).toEqual([]);
  });

  it('adds new owners in the order named, then supersedes those no longer named', () => {
    expect(planOwners(['HE', 'HB', 'SN'], EXISTING)).toEqual([
      { change: 'added', owner: 'HE' },
      { change: 'added', owner: 'SN' },
      { change: 'removed', owner: 'BY', obligationId: 2, from: 'open' },
    ]);
  });

  it('restores an owner named again to the status it had before', () => {
    expect(planOwners(['HB', 'BY', 'NW'], EXISTING, new Map([[3, 'reported']]))).toEqual([
      { change: 'restored', owner: 'NW', obligationId: 3, status: 'reported' },
    ]);
  });

  it('restores as open where the history does not say, or says nothing usable', () => {
    for (const before of [new Map(), new Map([[3, null]]), new Map([[3, 'superseded']])])
      expect(planOwners(['HB', 'BY', 'NW'], EXISTING, before)).toEqual([
        { change: 'restored', owner: 'NW', obligationId: 3, status: 'open' },
      ]);
  });

  it('supersedes every obligation when no owner is left, once', () => {
    expect(planOwners([], EXISTING)).toEqual([
      { change: 'removed', owner: 'HB', obligationId: 1, from: 'in_progress' },
      { change: 'removed', owner: 'BY', obligationId: 2, from: 'open' },
    ]);
  });

  it('adds an owner named twice once', () => {
    expect(planOwners(['HE', 'HE', 'HB', 'BY'], EXISTING)).toEqual([
      { change: 'added', owner: 'HE' },
    ]);
  });
});
