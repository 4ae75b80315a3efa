import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../text/sentences';
import { hintsMissing } from './deadline.parser';

/**
 * Each deadline rule is tried only on clauses holding its hint (speed). A hint narrower than its
 * pattern would skip a deadline silently, so every rule's pattern is run on every sentence of the
 * labelled texts and on every phrase the reader's specs write out, and must find nothing where its
 * hint is absent.
 */
const ROOT = join(__dirname, '..', '..', '..', '..');
const TEXT_DIRS = ['real', 'held-out', 'extraction'].map((d) => join(ROOT, 'test', 'fixtures', d));

function sentencesOfTexts(): string[] {
  return TEXT_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => splitSentences(readFileSync(join(dir, f), 'utf8')).map((s) => s.text)),
  );
}

/** The phrases written out in the reader's specs: every string literal of some length. */
function phrasesOfSpecs(): string[] {
  const lib = join(__dirname, '..');
  return readdirSync(lib, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.spec.ts') && !f.endsWith('deadline-hints.spec.ts'))
    .flatMap((f) =>
      [
        ...readFileSync(join(lib, f), 'utf8').matchAll(/'((?:[^'\\\n]|\\.){12,})'|`([^`]{12,})`/g),
      ].map((m) => (m[1] ?? m[2]).replace(/\\n/g, '\n').replace(/\\'/g, "'")),
    );
}

describe('deadline rules: hints', () => {
  it('reads enough text to mean something', () => {
    expect(sentencesOfTexts().length).toBeGreaterThan(1000);
    expect(phrasesOfSpecs().length).toBeGreaterThan(800);
  });

  it("finds every rule's hint wherever its pattern matches a sentence of the labelled texts", () => {
    const missing = sentencesOfTexts().flatMap((s) => hintsMissing(s).map((r) => `${r} ← ${s}`));
    expect(missing).toEqual([]);
  });

  it("finds every rule's hint wherever its pattern matches a phrase of the specs", () => {
    const missing = phrasesOfSpecs().flatMap((s) => hintsMissing(s).map((r) => `${r} ← ${s}`));
    expect(missing).toEqual([]);
  });
});
