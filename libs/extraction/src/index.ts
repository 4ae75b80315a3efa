export * from './extraction.types';
export * from './extraction.error';
export { extract, detectFormat, checkText, MAX_TEXT_LENGTH } from './extract';
export { toContractJson } from './contract';
export { parseDeadline } from './mandates/deadline.parser';
export { OwnerMatcher } from './mandates/owner-matcher';
