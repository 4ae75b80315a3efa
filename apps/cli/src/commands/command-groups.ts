import type { CommandGroup } from './tracker.command';

export const USERS_GROUP: CommandGroup = {
  name: 'users',
  description: 'Konten: anlegen, auflisten, persönliche Tokens, sperren',
};

export const OPARL_GROUP: CommandGroup = {
  name: 'oparl',
  description:
    'OParl: einem Gremium folgen, das seine Sitzungen und Beschlüsse über OParl veröffentlicht',
};
