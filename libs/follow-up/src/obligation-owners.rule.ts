import { isObligationStatus, type ObligationStatus } from '@app/domain';

// Which obligations a mandate's owners call for, decided on plain data; persistence loads the
// mandate's obligations and writes the steps this returns.

/** An obligation of the mandate as it stands. */
export interface OwnedObligation {
  id: number;
  owner: string;
  status: ObligationStatus;
}

/** One step, in the order to take them. */
export type OwnerStep =
  /** A new owner: a new open obligation. */
  | { change: 'added'; owner: string }
  /** An owner named again: its superseded obligation gets back the status it had. */
  | { change: 'restored'; owner: string; obligationId: number; status: ObligationStatus }
  /** An owner no longer named: its obligation is superseded (its history stays). */
  | { change: 'removed'; owner: string; obligationId: number; from: ObligationStatus };

export interface OwnerChange {
  owner: string;
  change: OwnerStep['change'];
}

/**
 * The steps that make a mandate's obligations match its owners. `statusBefore` holds, for a
 * superseded obligation, the status it had before it was superseded (from its history); one it
 * does not know is restored as open.
 */
export function planOwners(
  owners: readonly string[],
  existing: readonly OwnedObligation[],
  statusBefore: ReadonlyMap<number, string | null> = new Map(),
): OwnerStep[] {
  const steps: OwnerStep[] = [];
  for (const owner of new Set(owners)) {
    const old = existing.find((o) => o.owner === owner);
    if (!old) steps.push({ change: 'added', owner });
    else if (old.status === 'superseded') {
      const before = statusBefore.get(old.id);
      const status = isObligationStatus(before) && before !== 'superseded' ? before : 'open';
      steps.push({ change: 'restored', owner, obligationId: old.id, status });
    }
  }
  for (const old of existing)
    if (!owners.includes(old.owner) && old.status !== 'superseded')
      steps.push({ change: 'removed', owner: old.owner, obligationId: old.id, from: old.status });
  return steps;
}
