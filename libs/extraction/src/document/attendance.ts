import type { Registry } from '../extraction.types';
import type { SourceLine } from '../text/source-text';
import type { OwnerMatcher } from '../mandates/owner-matcher';

/**
 * Minutes that list who attended ("Teilnehmende: BW, BY, HB, NW, SN, Bund (BMF)") and then give a
 * task to "alle Teilnehmenden", "alle vertretenen Länder" or "die übrigen Teilnehmenden": those are
 * the members of that line, not all 16 Länder and not nobody. The registry of such a text gets two
 * groups for it; "die übrigen Teilnehmenden" are the attending members not named before.
 */
const ATTENDANCE =
  /^(?:Teilnehmende|Teilnehmer(?:innen)?|Teilnehmerkreis|Anwesend|Anwesende|Vertreten|Mitglieder)\s*:\s*(\S.{2,300})$/iu;
/** "Bund (BMI) als Gast": a guest attends, but is no member of the group. */
const GUEST = /\s+als\s+Gast\b/;

/** The members on the attendance line of a text's first lines, in order; none where there is none. */
export function attendingMembers(lines: SourceLine[], matcher: OwnerMatcher): string[] {
  for (const line of lines.slice(0, 20)) {
    const m = ATTENDANCE.exec(line.text);
    if (!m) continue;
    const listed = m[1]
      .split(/[;,]/)
      .filter((part) => !GUEST.test(part))
      .join(',');
    const members = matcher
      .findAll(listed)
      .filter((mention) => mention.kind === 'member')
      .flatMap((mention) => mention.owners);
    if (members.length >= 2) return [...new Set(members)];
  }
  return [];
}

/** The registry with the attending members as groups of their own ("alle Teilnehmenden"). */
export function withAttendance(registry: Registry, members: string[], states: string[]): Registry {
  const attendingStates = members.filter((code) => states.includes(code));
  return {
    ...registry,
    groups: [
      ...registry.groups,
      {
        name: 'Teilnehmende',
        aliases: ['alle Teilnehmenden', 'alle Teilnehmer', 'allen Teilnehmenden', 'Teilnehmenden'],
        expandsTo: members,
      },
      {
        name: 'vertretene Länder',
        aliases: [
          'alle vertretenen Länder',
          'alle anwesenden Länder',
          'alle teilnehmenden Länder',
          'die vertretenen Länder',
        ],
        expandsTo: attendingStates,
      },
    ],
  };
}
