import type { CorrectMandateDto, CreateMandateDto, DueDto, MandateDetail } from '@app/tracking';
import { PageError } from '../page-error';

const text = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name].trim() : '';

function whole(value: string, what: string): number {
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1)
    throw new PageError(400, `${what} muss eine ganze Zahl ab 1 sein; angegeben: „${value}“.`);
  return Number(value);
}

/** The fields of the add and edit forms, checked, in the service's shape (German messages). */
export function readMandateForm(
  body: Record<string, unknown>,
): Required<Pick<CreateMandateDto, 'point' | 'owners' | 'action' | 'due'>> & { source: string } {
  const point = text(body, 'point');
  if (!point) throw new PageError(400, 'Bitte geben Sie die Ziffer des Beschlusses an.');
  const owners = text(body, 'owners')
    .split(/[,;\n]/)
    .map((o) => o.trim())
    .filter(Boolean);
  if (owners.length === 0)
    throw new PageError(400, 'Bitte nennen Sie mindestens einen Zuständigen (Kürzel oder Name).');
  if (owners.some((o) => o.length > 200))
    throw new PageError(400, 'Ein Zuständiger ist zu lang; bitte höchstens 200 Zeichen je Name.');
  const action = text(body, 'action');
  if (!action) throw new PageError(400, 'Bitte beschreiben Sie, was zu tun ist.');
  if (action.length > 4000)
    throw new PageError(400, 'Die Beschreibung ist zu lang; bitte höchstens 4000 Zeichen.');
  const source = text(body, 'source');
  if (source.length > 4000)
    throw new PageError(400, 'Der Satz ist zu lang; bitte höchstens 4000 Zeichen.');
  return { point: whole(point, 'Die Ziffer'), owners, action, due: readDue(body), source };
}

function readDue(body: Record<string, unknown>): DueDto {
  const kind = text(body, 'dueKind');
  const meeting = text(body, 'dueMeeting');
  const date = text(body, 'dueDate');
  switch (kind) {
    case 'meeting':
      if (!meeting) throw new PageError(400, 'Bitte geben Sie die Nummer der Sitzung an.');
      return { kind, meeting: whole(meeting, 'Die Sitzung') };
    case 'recurring':
      return meeting ? { kind, fromMeeting: whole(meeting, 'Die Sitzung') } : { kind };
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
        throw new PageError(400, 'Bitte geben Sie das Datum der Frist an (TT.MM.JJJJ).');
      return { kind, date };
    case 'event':
    case 'none':
      return { kind };
    default:
      throw new PageError(400, 'Bitte wählen Sie eine Art der Frist aus der Liste.');
  }
}

/** Only what the form changed, so an unchanged deadline is not marked as corrected. */
export function changedFields(
  current: MandateDetail,
  form: ReturnType<typeof readMandateForm>,
  note: string,
): CorrectMandateDto {
  const change: CorrectMandateDto = {};
  if (form.point !== current.point) change.point = form.point;
  if (form.owners.join('\n') !== current.allOwners.join('\n')) change.owners = form.owners;
  if (form.action !== current.action) change.action = form.action;
  if (form.source && form.source !== current.source) change.source = form.source;
  const due = current.due;
  const same =
    form.due.kind === due.kind &&
    (form.due.meeting ?? form.due.fromMeeting) ===
      (due.kind === 'recurring'
        ? due.fromMeeting
        : due.kind === 'meeting'
          ? due.meeting
          : undefined) &&
    form.due.date === (due.kind === 'date' ? due.date : undefined);
  if (!same) change.due = form.due;
  if (Object.keys(change).length === 0)
    throw new PageError(422, 'Sie haben nichts geändert; es wurde nichts gespeichert.');
  if (note) change.note = note;
  return change;
}
