import { allowedTransitions, canTransition } from './obligation-status.rule';

describe('obligation workflow', () => {
  it('lets a delegate move its work forward up to reported', () => {
    expect(allowedTransitions('open', 'delegate')).toEqual(['in_progress', 'reported']);
    expect(canTransition('in_progress', 'reported', 'delegate')).toBe(true);
  });

  it('keeps confirming, cancelling and superseding for the secretariat', () => {
    expect(canTransition('reported', 'done', 'delegate')).toBe(false);
    expect(canTransition('reported', 'done', 'secretariat')).toBe(true);
    expect(canTransition('open', 'cancelled', 'delegate')).toBe(false);
    expect(allowedTransitions('open', 'secretariat')).toEqual([
      'in_progress',
      'reported',
      'cancelled',
      'superseded',
    ]);
  });

  it('lets nobody skip from open to done, and observers nothing', () => {
    expect(canTransition('open', 'done', 'secretariat')).toBe(false);
    expect(allowedTransitions('open', 'observer')).toEqual([]);
  });

  it('reopens closed obligations only through the secretariat', () => {
    expect(allowedTransitions('done', 'delegate')).toEqual([]);
    expect(allowedTransitions('superseded', 'secretariat')).toEqual(['open']);
  });
});
