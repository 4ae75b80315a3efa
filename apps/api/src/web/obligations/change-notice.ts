import { statusLabel } from '../views/format';

/** How messages name one owner's obligation: "HB, Beschluss 2020/23 Ziffer 3". */
export function obligationLabel(owner: string, resolution: string, point: number): string {
  return `${owner}, Beschluss ${resolution} Ziffer ${point}`;
}

/**
 * The sentence for the status region after a status form was posted without the script: the
 * redirect names the obligation (`?changed=<id>&kind=status|note`), the page knows its state.
 */
export function changeNotice(
  query: Record<string, unknown>,
  obligations: Array<{ obligationId: number; owner: string; status: string; label: string }>,
): string | undefined {
  const id = Number(query.changed);
  const changed = obligations.find((o) => o.obligationId === id);
  if (!changed) return undefined;
  return query.kind === 'status'
    ? `Status für ${changed.label} auf „${statusLabel(changed.status)}“ gesetzt.`
    : `Notiz für ${changed.label} gespeichert.`;
}
