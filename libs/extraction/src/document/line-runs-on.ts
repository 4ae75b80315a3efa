/**
 * A line broken inside a sentence ("Der IT-Planungsrat bittet die⏎FITKO, …"): it ends in a hyphen,
 * an article, a preposition or a conjunction, leaves a bracket open, holds the decision's verb, or
 * the next line goes on in lower case. Such a line is no title.
 */
export function runsOn(line: string, next: string): boolean {
  return (
    RUNS_ON_END.test(line) ||
    RUNS_ON_VERB.test(line) ||
    /^\p{Ll}/u.test(next) ||
    line.split('(').length > line.split(')').length
  );
}
const RUNS_ON_END =
  /(?:[\p{L}]-|(?<![\p{L}-])(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|zur|zum|bis|und|oder|sowie|mit|von|vom|für|an|am|in|im|auf|bei|nach|über|gemäß))$/u;
const RUNS_ON_VERB =
  /(?<![\p{L}-])(?:bittet|bitten|beauftragt|beauftragen|ersucht|ersuchen|fordert|beschließt|beschließen|nimmt|nehmen|wird|werden|soll|sollen)(?![\p{L}-])/u;
