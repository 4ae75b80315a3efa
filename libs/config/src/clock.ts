import { Global, Module } from '@nestjs/common';

/**
 * What time it is, for every decision that depends on it (overdue, digests, reminders, reports,
 * token expiry). Injected, so a test can set the time instead of waiting for it; the class is both
 * the interface and the injection token (as `JobQueue` is).
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The wall clock. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export const systemClock: Clock = new SystemClock();

/** A clock that stands still until told otherwise: for tests and "as if it were" runs. */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string = new Date()) {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** Provides the wall clock to every module of an app; tests override `Clock`. */
@Global()
@Module({
  providers: [{ provide: Clock, useValue: systemClock }],
  exports: [Clock],
})
export class ClockModule {}
