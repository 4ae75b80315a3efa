import { dueColumns, dueOfColumns } from '@app/domain';
import { BadRequestException, UnprocessableEntityException } from '@nestjs/common';
import { type Mandate, type Member } from '@app/persistence';
import type { DueDto } from './dto/correct-mandate.dto';

/** A deadline's session numbers must be sessions of the calendar (add a session first). */
export function checkDueSessions(due: DueDto, sessions: Set<number | null>): void {
  for (const [field, number] of [
    ['due.meeting', due.kind === 'meeting' ? due.meeting : undefined],
    ['due.fromMeeting', due.kind === 'recurring' ? due.fromMeeting : undefined],
  ] as const) {
    if (number !== undefined && number !== null && !sessions.has(number))
      throw new BadRequestException(
        `${field}: Die ${number}. Sitzung steht nicht im Sitzungskalender; tragen Sie sie erst ein (POST /api/meetings) oder nennen Sie eine Sitzung, die dort steht.`,
      );
  }
}

const key = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Owners as the registry names them: a code, or a member's name or alias (case and spacing
 * aside) taken to its code. An owner the mandate already has but the registry does not (an
 * extracted name not yet registered) may stay. Any other name is refused, unless `newNames`: a
 * mandate added by hand keeps a name the registry does not know by that name, as the extractor
 * does, to be registered later.
 */
export function ownerCodes(
  given: string[],
  members: Member[],
  current: string[],
  newNames = false,
): string[] {
  const byKey = new Map<string, string>();
  for (const m of members)
    for (const name of [m.name, ...(m.aliases ?? [])]) byKey.set(key(name), m.code);
  for (const m of members) byKey.set(key(m.code), m.code);
  const kept = new Map(current.map((owner) => [key(owner), owner]));
  const codes = given.map((owner, i) => {
    const code = byKey.get(key(owner)) ?? kept.get(key(owner));
    if (code) return code;
    const name = owner.normalize('NFC').replace(/\s+/g, ' ').trim();
    if (newNames && name) return name;
    if (newNames)
      throw new BadRequestException(
        `owners[${i}] ist leer: bitte ein Kürzel oder einen Namen angeben`,
      );
    throw new BadRequestException(
      `owners[${i}]: „${owner}“ ist weder das Kürzel noch der Name eines Mitglieds im Verzeichnis; tragen Sie es erst ein (POST /api/members) oder nehmen Sie ein Kürzel wie ${members
        .slice(0, 3)
        .map((m) => m.code)
        .join(', ')}.`,
    );
  });
  return [...new Set(codes)];
}

/** The deadline columns of a deadline given by the secretariat. */
export function givenDueColumns(due: DueDto, dueText: string): Partial<Mandate> {
  if (due.kind === 'meeting' && !due.meeting)
    throw new UnprocessableEntityException(
      'due.meeting fehlt: Eine Frist der Art „meeting“ braucht die Nummer der Sitzung.',
    );
  if (due.kind === 'date' && !due.date)
    throw new UnprocessableEntityException(
      'due.date fehlt: Eine Frist der Art „date“ braucht ein Datum.',
    );
  return { ...dueColumns(due), dueText };
}

/** What the audit keeps of a mandate. */
export function auditedFields(m: Mandate) {
  return {
    resolutionId: m.resolutionId,
    point: m.point,
    owners: m.owners,
    action: m.action,
    due: dueOfColumns(m),
    source: m.source,
  };
}
