/** A problem with one input file, named by file (and line where known); nothing was written. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
    readonly code = 'input',
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}`);
    this.name = 'InputError';
  }
}
