export * from './due';
export * from './obligation-status';
export * from './session';
export * from './german.wording';
export * from './link-kind';
export * from './calendar-day';
