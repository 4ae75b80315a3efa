import { describeDue, DUE_KINDS, type DueKind } from '@app/domain';
import type { ExtractedMandate } from '@app/extraction';
import type { DueDto, MemberView } from '@app/tracking';

/** What the review form shows for one extracted mandate: the extraction, or what was typed. */
export interface ReviewValues {
  owners: string;
  dueKind: DueKind;
  dueMeeting: string;
  dueDate: string;
}

/** One mandate the secretariat changed in review, to apply once the import is committed. */
export interface Correction {
  index: number;
  resolution: string;
  point: number;
  /** 1 for the first mandate of its point, 2 for the second … (as the ingest numbers them). */
  ordinal: number;
  before: { owners: string[]; due: string };
  owners?: string[];
  due?: DueDto;
}

export interface ReviewInput {
  values: ReviewValues[];
  errors: Map<number, string[]>;
  corrections: Correction[];
}

export function extractedValues(mandate: ExtractedMandate): ReviewValues {
  const due = mandate.due;
  return {
    owners: mandate.owners.join(', '),
    dueKind: due.kind,
    dueMeeting: due.kind === 'meeting' ? String(due.meeting) : '',
    dueDate: due.kind === 'date' ? due.date : '',
  };
}

/** The ordinal of each mandate within its decision's point, as the ingest assigns it. */
export function ordinals(mandates: ExtractedMandate[]): number[] {
  const seen = new Map<string, number>();
  return mandates.map((m) => {
    const key = `${m.resolution}#${m.point}`;
    const next = (seen.get(key) ?? 0) + 1;
    seen.set(key, next);
    return next;
  });
}

function sameDue(a: ExtractedMandate['due'], b: DueDto): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'meeting') return a.meeting === b.meeting;
  if (a.kind === 'date') return a.date === b.date;
  return true;
}

/**
 * Owners as typed ("FITKO, hb, Bremen") to the registry's codes. A name the registry does not
 * know is refused unless the extraction itself named it (a working group kept by its name), so
 * a typo does not become a new owner nobody answers for.
 */
export function resolveOwners(
  typed: string,
  members: MemberView[],
  extracted: string[],
): { owners: string[]; unknown: string[] } {
  const owners: string[] = [];
  const unknown: string[] = [];
  for (const part of typed.split(/[,;]/)) {
    const name = part.trim();
    if (!name) continue;
    const lower = name.toLowerCase();
    const match =
      members.find((m) => m.code.toLowerCase() === lower)?.code ??
      members.find((m) => m.name.toLowerCase() === lower)?.code ??
      extracted.find((o) => o.toLowerCase() === lower);
    if (match) {
      if (!owners.includes(match)) owners.push(match);
    } else unknown.push(name);
  }
  return { owners, unknown };
}

/** The review form's fields, checked; corrections only where they differ from the extraction. */
export function readReview(
  body: Record<string, unknown>,
  mandates: ExtractedMandate[],
  members: MemberView[],
): ReviewInput {
  const field = (name: string) => (typeof body[name] === 'string' ? body[name].trim() : '');
  const numbers = ordinals(mandates);
  const errors = new Map<number, string[]>();
  const values: ReviewValues[] = [];
  const corrections: Correction[] = [];
  mandates.forEach((mandate, index) => {
    const problems: string[] = [];
    const typedKind = field(`dueKind-${index}`);
    const value: ReviewValues = {
      owners: field(`owners-${index}`),
      dueKind: (DUE_KINDS as readonly string[]).includes(typedKind)
        ? (typedKind as DueKind)
        : mandate.due.kind,
      dueMeeting: field(`dueMeeting-${index}`),
      dueDate: field(`dueDate-${index}`),
    };
    values.push(value);

    const { owners, unknown } = resolveOwners(value.owners, members, mandate.owners);
    if (unknown.length > 0)
      problems.push(
        `Unbekannte Zuständige: ${unknown.join(', ')}. Bitte Kürzel wie HB, NW, Bund oder FITKO verwenden.`,
      );
    else if (owners.length === 0) problems.push('Bitte mindestens einen Zuständigen angeben.');

    const due: DueDto = { kind: value.dueKind };
    if (value.dueKind === 'meeting') {
      const meeting = Number(value.dueMeeting);
      if (!Number.isInteger(meeting) || meeting < 1)
        problems.push('Für eine Frist zu einer Sitzung bitte die Nummer der Sitzung angeben.');
      else due.meeting = meeting;
    }
    if (value.dueKind === 'date') {
      const day = new Date(`${value.dueDate}T00:00:00Z`);
      // "2021-02-30" parses as invalid, and "2021-04-31" would roll over: both are refused.
      const valid =
        /^\d{4}-\d{2}-\d{2}$/.test(value.dueDate) &&
        !Number.isNaN(day.getTime()) &&
        day.toISOString().slice(0, 10) === value.dueDate;
      if (!valid) problems.push('Für eine Frist zu einem Datum bitte ein gültiges Datum angeben.');
      else due.date = value.dueDate;
    }
    if (value.dueKind === 'recurring' && mandate.due.kind === 'recurring')
      due.fromMeeting = mandate.due.fromMeeting;
    if ('soft' in mandate.due && mandate.due.soft) due.soft = true;

    if (problems.length > 0) {
      errors.set(index, problems);
      return;
    }
    const ownersChanged =
      owners.length !== mandate.owners.length || owners.some((o) => !mandate.owners.includes(o));
    const dueChanged = !sameDue(mandate.due, due);
    if (ownersChanged || dueChanged) {
      corrections.push({
        index,
        resolution: mandate.resolution,
        point: mandate.point,
        ordinal: numbers[index],
        before: { owners: mandate.owners, due: describeDue(mandate.due) },
        ...(ownersChanged ? { owners } : {}),
        ...(dueChanged ? { due } : {}),
      });
    }
  });
  return { values, errors, corrections };
}
