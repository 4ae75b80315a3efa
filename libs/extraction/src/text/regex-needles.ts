/**
 * Words a regular expression cannot match without: per top-level alternative, its longest run of
 * plain lowercase letters outside any group, class or escape. A text holding none of them cannot
 * match, which `String.prototype.includes` tells far faster than running the expression (speed).
 * Undefined where some alternative has no such run of three letters or more.
 */
export function needlesOf(pattern: RegExp): string[] | undefined {
  const needles: string[] = [];
  for (const runs of literalRunsPerAlternative(pattern.source)) {
    const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length < 3) return undefined;
    needles.push(longest);
  }
  return [...new Set(needles)];
}

const LETTER = /[a-zäöüß]/;

/**
 * One pass over a pattern's source: it is cut at the "|" outside groups and classes, and of each
 * part the runs of lowercase letters outside groups, classes and escapes are kept.
 */
function literalRunsPerAlternative(source: string): string[][] {
  const alternatives: string[][] = [[]];
  let run = '';
  let depth = 0;
  let inClass = false;
  const close = (next: string | undefined) => {
    // A quantifier that allows none makes the letter before it optional.
    const kept = next === '?' || next === '*' || next === '{' ? run.slice(0, -1) : run;
    if (kept) alternatives[alternatives.length - 1].push(kept);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (depth === 0 && !inClass && LETTER.test(c)) {
      run += c;
      continue;
    }
    close(c);
    if (c === '\\') {
      const next = source[i + 1];
      // "\p{L}", "\u{…}", "\u00a0", "\x41": letters that belong to the escape.
      if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{')
        i = source.indexOf('}', i);
      else if (next === 'u') i += 5;
      else if (next === 'x') i += 3;
      else i++;
    } else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) alternatives.push([]);
  }
  close(undefined);
  return alternatives;
}
