import { printRealSet } from '../../../test/support/print-real-set';
import { HELD_OUT_DIR, REAL_DIR, realNames } from '../../../test/support/real-set';

/**
 * The held-out real texts (test/fixtures/held-out) are labelled like the development set but kept
 * apart from it: no threshold is set on them here, only that they stay apart and are reported on
 * their own by `npm run score:real`.
 */
describe('the held-out real texts', () => {
  const heldOut = realNames(HELD_OUT_DIR);

  it('are at least 8 labelled texts, municipal and IT-Planungsrat mixed', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(8);
    expect(heldOut.some((name) => name.startsWith('kommunal-'))).toBe(true);
    expect(heldOut.some((name) => name.startsWith('itplr-'))).toBe(true);
  });

  it('are none of the development set the thresholds are held to', () => {
    expect(realNames(REAL_DIR).filter((name) => heldOut.includes(name))).toEqual([]);
  });

  it('are printed by score:real as a table of their own, after the development set', () => {
    let out = '';
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    try {
      printRealSet([]);
    } finally {
      write.mockRestore();
    }
    const split = out.indexOf('held-out set (test/fixtures/held-out)');
    expect(out.indexOf('development set (test/fixtures/real)')).toBeGreaterThanOrEqual(0);
    expect(split).toBeGreaterThan(0);
    const [development, held] = [out.slice(0, split), out.slice(split)];
    for (const name of heldOut) {
      expect(held).toContain(`\`${name}\``);
      expect(development).not.toContain(`\`${name}\``);
    }
    for (const name of realNames(REAL_DIR)) expect(development).toContain(`\`${name}\``);
    expect(held.match(/\*\*all \(micro\)\*\*/g)).toHaveLength(1);
  });
});
