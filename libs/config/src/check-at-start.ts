import { stopOnWrongEnvironment } from './app.config';

// Imported first by each app's main.ts: a wrong variable stops the process before Nest loads its
// modules, which would print the same lines inside an English error report with a stack trace.
stopOnWrongEnvironment(process.env);
