import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** Nest's own start-up chatter: a line per module and per route, useful only when debugging. */
const CHATTER = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** The levels shown for LOG_LEVEL (unset or "log": no debug lines). */
export function logLevels(level: string | undefined): LogLevel[] {
  const levels: LogLevel[] = ['fatal', 'error', 'warn', 'log'];
  return level === 'debug' ? [...levels, 'debug', 'verbose'] : levels;
}

/**
 * The app's logger: a start prints a short summary (where to open it, where the first password
 * is) instead of Nest's module and route mapping, which is kept at debug level.
 */
export class StartupLogger extends ConsoleLogger {
  constructor(level: string | undefined) {
    super({ logLevels: logLevels(level) });
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && CHATTER.has(context)) super.debug(message, ...rest);
    else super.log(message, ...rest);
  }
}
