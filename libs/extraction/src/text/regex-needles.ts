/**
 * Words a regular expression cannot match without: per top-level alternative, its longest run of
 * plain lowercase letters outside any group, class or escape. A text holding none of them cannot
 * match, which `String.prototype.includes` tells far faster than running the expression (speed).
 * Undefined where some alternative has no such run of three letters or more.
 */
export function needlesOf(pattern: RegExp): string[] | undefined {
  const needles: string[] = [];
  for (const alternative of topLevelAlternatives(pattern.source)) {
    const longest = literalRuns(alternative).reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length < 3) return undefined;
    needles.push(longest);
  }
  return needles.length > 0 ? [...new Set(needles)] : undefined;
}

const LETTER = /[a-zäöüß]/;

/** Splits a pattern's source at the "|" that stand outside groups and classes. */
function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** The runs of lowercase letters an alternative must contain: outside groups, classes, escapes. */
function literalRuns(alternative: string): string[] {
  const runs: string[] = [];
  let run = '';
  let depth = 0;
  let inClass = false;
  const close = (next: string | undefined) => {
    // A quantifier that allows none makes the letter before it optional.
    const kept = next === '?' || next === '*' || next === '{' ? run.slice(0, -1) : run;
    if (kept) runs.push(kept);
    run = '';
  };
  for (let i = 0; i < alternative.length; i++) {
    const c = alternative[i];
    if (depth === 0 && !inClass && LETTER.test(c)) {
      run += c;
      continue;
    }
    close(c);
    if (c === '\\') {
      const next = alternative[i + 1];
      // "\p{L}", "\u{…}", "\u00a0", "\x41": letters that belong to the escape.
      if ((next === 'p' || next === 'P' || next === 'u') && alternative[i + 2] === '{')
        i = alternative.indexOf('}', i);
      else if (next === 'u') i += 5;
      else if (next === 'x') i += 3;
      else i++;
    } else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  close(undefined);
  return runs;
}
