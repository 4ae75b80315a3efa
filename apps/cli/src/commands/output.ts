/** A line to standard output: what the command answers. */
export const out = (text: string): void => void process.stdout.write(`${text}\n`);

/** A line to standard error: progress notes and refusals. */
export const err = (text: string): void => void process.stderr.write(`${text}\n`);
