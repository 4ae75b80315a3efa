import { dueOfColumns } from '@app/domain';
import type { EarlierMandate } from '@app/extraction';
import type { EarlierMandateRow } from '@app/persistence';

/**
 * The earlier mandates last handed to the link finder, by id. The finder reads each mandate's
 * subject words once per object (the words of its task and title, the costliest part of
 * comparing), and the next protocol of a council is compared with mostly the same mandates. A
 * row read with every stored field as before gives the same object; a row that changed, a new
 * one. Bounded: emptied when it holds `limit` mandates.
 */
export class KeptMandates {
  private readonly kept = new Map<number, { row: EarlierMandateRow; mandate: EarlierMandate }>();

  constructor(private readonly limit = 20_000) {}

  of(row: EarlierMandateRow): EarlierMandate {
    const id = Number(row.id);
    const known = this.kept.get(id);
    if (known && sameFields(known.row, row)) return known.mandate;
    const mandate: EarlierMandate = {
      key: id,
      resolution: row.code,
      point: Number(row.point),
      owners: JSON.parse(row.owners) as string[],
      action: row.action,
      source: row.source,
      due: dueOfColumns(row),
      ...(row.meetingKind === 'session' && row.meetingNumber !== null
        ? { meeting: Number(row.meetingNumber) }
        : {}),
      ...(row.meetingDate ? { decidedOn: row.meetingDate } : {}),
      ...(row.title ? { title: row.title } : {}),
    };
    if (this.kept.size >= this.limit) this.kept.clear();
    this.kept.set(id, { row, mandate });
    return mandate;
  }
}

/** Whether two rows read of a mandate hold the same values, field by field. */
function sameFields(a: EarlierMandateRow, b: EarlierMandateRow): boolean {
  const keys = Object.keys(a) as Array<keyof EarlierMandateRow>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
