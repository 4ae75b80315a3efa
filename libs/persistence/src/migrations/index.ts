import { InitialSchema1764380000000 } from './1764380000000-initial-schema';

/** Every migration, in order; the app, the CLI and the tests run exactly these. */
export const MIGRATIONS = [InitialSchema1764380000000];
