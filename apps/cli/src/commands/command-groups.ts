import type { CommandGroup } from './tracker.command';

export const USERS_GROUP: CommandGroup = {
  name: 'users',
  description: 'accounts: add, list, personal tokens, disable',
};

export const OPARL_GROUP: CommandGroup = {
  name: 'oparl',
  description: 'OParl: follow a council that publishes its meetings and decisions as OParl',
};
