import type { ObligationStatus } from '@app/domain';
import type { Role } from '@app/persistence';

/**
 * The obligation workflow: open -> in_progress -> reported -> done. Only the secretariat confirms
 * done, cancels, marks superseded, or reopens what was closed.
 */
const TRANSITIONS: Record<ObligationStatus, Partial<Record<ObligationStatus, Role[]>>> = {
  open: {
    in_progress: ['secretariat', 'delegate'],
    reported: ['secretariat', 'delegate'],
    cancelled: ['secretariat'],
    superseded: ['secretariat'],
  },
  in_progress: {
    open: ['secretariat', 'delegate'],
    reported: ['secretariat', 'delegate'],
    cancelled: ['secretariat'],
    superseded: ['secretariat'],
  },
  reported: {
    in_progress: ['secretariat', 'delegate'],
    done: ['secretariat'],
    cancelled: ['secretariat'],
    superseded: ['secretariat'],
  },
  done: { open: ['secretariat'], reported: ['secretariat'] },
  cancelled: { open: ['secretariat'] },
  superseded: { open: ['secretariat'] },
};

/** The statuses a role may move an obligation to from `from`. */
export function allowedTransitions(from: ObligationStatus, role: Role): ObligationStatus[] {
  return (Object.entries(TRANSITIONS[from]) as Array<[ObligationStatus, Role[]]>)
    .filter(([, roles]) => roles.includes(role))
    .map(([to]) => to);
}

export function canTransition(from: ObligationStatus, to: ObligationStatus, role: Role): boolean {
  return allowedTransitions(from, role).includes(to);
}
