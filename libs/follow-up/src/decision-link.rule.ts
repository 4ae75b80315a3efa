import {
  ACTIVE_STATUSES,
  describeDue,
  OWED_STATUSES,
  type Due,
  type LinkKind,
  type ObligationStatus,
} from '@app/domain';

// What confirming a later decision's link does to the earlier mandates' obligations, decided on
// plain data; persistence loads the obligations and writes what this returns.

/** The link as the rule needs it. */
export interface LinkFacts {
  kind: LinkKind;
  /** The earlier mandates it concerns. */
  mandateIds: number[];
  /** The owners whose obligations it concerns; empty for every owner. */
  owners: string[];
  /** For `extends`: the new deadline. */
  due: Due | null;
}

/** An obligation of an earlier mandate, as it stands. */
export interface LinkedObligation {
  id: number;
  mandateId: number;
  owner: string;
  status: ObligationStatus;
}

/** What confirming a link did, per obligation. */
export interface LinkEffect {
  obligationId: number;
  mandateId: number;
  owner: string;
  from: ObligationStatus;
  to: ObligationStatus;
  /** The deadline set, for an extension, in words. */
  due?: string;
}

/** A history entry to write for an obligation. */
export interface LinkHistoryEntry {
  obligationId: number;
  type: 'status' | 'due';
  fromStatus: ObligationStatus | null;
  toStatus: ObligationStatus | null;
  note: string;
}

/** Everything to write, in order. */
export interface LinkChanges {
  /** `extends` with a deadline: these mandates get it, and `dueText` says where it came from. */
  deadline: { mandateIds: number[]; due: Due; dueText: string } | null;
  /** Obligations whose status changes (their overdue flag is lifted with it). */
  statuses: Array<{ obligationId: number; to: ObligationStatus }>;
  /** Obligations whose overdue flag is lifted without a status change (a new deadline). */
  liftOverdue: number[];
  history: LinkHistoryEntry[];
  effects: LinkEffect[];
}

const NOTHING: LinkChanges = {
  deadline: null,
  statuses: [],
  liftOverdue: [],
  history: [],
  effects: [],
};

/**
 * The changes a confirmed link makes to the earlier mandates' obligations (of its owners, or all
 * of them): `fulfils` and `renews` -> `reported` for what is still owed; `extends` -> the new
 * deadline on the mandate, noted in each active obligation's history; `supersedes` ->
 * `superseded` for what is not closed; `references` changes nothing. `by` names the later
 * decision in the history notes ("Beschluss 2021/07 (34. Sitzung)").
 */
export function decideLinkChanges(
  link: LinkFacts,
  obligations: readonly LinkedObligation[],
  by: string,
): LinkChanges {
  if (link.kind === 'references' || link.mandateIds.length === 0) return NOTHING;
  const concerned = obligations
    .filter((o) => link.mandateIds.includes(o.mandateId))
    .filter((o) => link.owners.length === 0 || link.owners.includes(o.owner))
    .sort((a, b) => a.id - b.id);
  const effect = (o: LinkedObligation, to: ObligationStatus, due?: string): LinkEffect => ({
    obligationId: o.id,
    mandateId: o.mandateId,
    owner: o.owner,
    from: o.status,
    to,
    ...(due !== undefined ? { due } : {}),
  });

  if (link.kind === 'extends') {
    const due = link.due;
    // A history note keeps the session, not its date of today: the date may still move.
    const words = due ? describeDue(due) : undefined;
    const mandateIds = [...new Set(concerned.map((o) => o.mandateId))];
    const active = concerned.filter((o) => ACTIVE_STATUSES.includes(o.status));
    const note = words
      ? `Frist verlängert (neu: ${words}) durch ${by}`
      : `Auftrag fortgesetzt durch ${by}`;
    return {
      deadline:
        due && words && mandateIds.length > 0
          ? { mandateIds, due, dueText: `verlängert: ${words}` }
          : null,
      statuses: [],
      // A new deadline is a new chance: an obligation flagged overdue is not overdue against it
      // yet; the next overdue judgement decides again.
      liftOverdue: due ? concerned.map((o) => o.id) : [],
      history: active.map((o) => ({
        obligationId: o.id,
        type: 'due',
        fromStatus: null,
        toStatus: null,
        note,
      })),
      effects: active.map((o) => effect(o, o.status, words)),
    };
  }

  const to: ObligationStatus = link.kind === 'supersedes' ? 'superseded' : 'reported';
  const from = link.kind === 'supersedes' ? ACTIVE_STATUSES : OWED_STATUSES;
  const note =
    link.kind === 'supersedes'
      ? `abgelöst durch ${by}`
      : link.kind === 'renews'
        ? `wiederkehrender Bericht entgegengenommen in ${by}`
        : `Bericht zur Kenntnis genommen in ${by}`;
  const changed = concerned.filter((o) => from.includes(o.status));
  return {
    deadline: null,
    statuses: changed.map((o) => ({ obligationId: o.id, to })),
    liftOverdue: [],
    history: changed.map((o) => ({
      obligationId: o.id,
      type: 'status',
      fromStatus: o.status,
      toStatus: to,
      note,
    })),
    effects: changed.map((o) => effect(o, to)),
  };
}
