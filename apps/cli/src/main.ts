import 'reflect-metadata';
import '@app/config/check-at-start';
import { trackerProgram } from './tracker.program';

trackerProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`Fehler: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
