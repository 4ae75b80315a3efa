import type { Registry } from '../extraction.types';

export type MentionKind = 'member' | 'group' | 'body' | 'council';

/** A name of a possible owner as the registry gives it, and whom it names. */
export interface Alias {
  alias: string;
  kind: MentionKind;
  owners: string[];
}

/** Every name the registry gives the council, its members, groups and bodies, with their genitives. */
export function registryAliases(registry: Registry): Alias[] {
  const aliases: Alias[] = [
    ...registry.council.aliases.map((alias) => ({ alias, kind: 'council' as const, owners: [] })),
    ...registry.members.flatMap((m) =>
      [m.code, ...m.aliases].map((alias) => ({
        alias,
        kind: 'member' as const,
        owners: [m.code],
      })),
    ),
    ...registry.groups.flatMap((g) =>
      [g.name, ...g.aliases].map((alias) => ({
        alias,
        kind: 'group' as const,
        owners: g.expandsTo,
      })),
    ),
    ...registry.bodies.flatMap((b) =>
      [b.name, ...b.aliases].map((alias) => ({ alias, kind: 'body' as const, owners: [b.name] })),
    ),
  ];
  // "des Bundes", "Hessens", "des Bundesministeriums des Innern": genitives name them too.
  for (const a of [...aliases]) {
    if ((a.kind !== 'member' && a.kind !== 'body') || a.alias.length <= 3) continue;
    const [first, ...rest] = a.alias.split(' ');
    if (!/[bcdfghjklmnpqrtvw]$/i.test(first) || /^\p{Lu}+$/u.test(first)) continue;
    const forms = rest.length === 0 ? [`${first}s`, `${first}es`] : [`${first}s`];
    for (const form of forms) aliases.push({ ...a, alias: [form, ...rest].join(' ') });
  }
  return aliases;
}
