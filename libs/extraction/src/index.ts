export * from './extraction.types';
export * from './extraction.error';
export { extract, detectFormat, checkText, MAX_TEXT_LENGTH } from './extract';
export { toContractJson } from './contract';
export {
  UNCERTAIN_REASONS,
  POSSIBLE_MISS_REASON,
  NOT_ADOPTED_MISS_REASON,
  describeUncertain,
} from './doubt.wording';
export { parseDeadline } from './mandates/deadline.parser';
export { OwnerMatcher } from './mandates/owner-matcher';
export {
  findLinks,
  linkTargets,
  ownersIn,
  LINK_HORIZON_SESSIONS,
  LINK_HORIZON_YEARS,
  decisionOrder,
  type EarlierMandate,
  type FoundLink,
  type LinkContext,
} from './links/link.finder';
export { LINK_KINDS, KIND_STRENGTH, classifyLink, type LinkKind } from './links/link.kinds';
export { decisionNumbers, normaliseDecisionId } from './links/decision-references';
export { datedSessions, type SeedSession } from './seed-calendar';
