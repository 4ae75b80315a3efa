/** A problem with the input text that the user can act on; `line` is 1-based when known. */
export class ExtractionError extends Error {
  constructor(
    readonly code:
      | 'empty'
      | 'binary'
      | 'too-large'
      | 'no-decisions'
      | 'no-meeting'
      | 'unknown-meeting'
      | 'no-text'
      | 'unreadable'
      | 'too-many-pages'
      | 'unpacks-too-large'
      | 'too-much-memory'
      | 'too-slow',
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}
