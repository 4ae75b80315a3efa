import { dueOfColumns, type Due, type Session } from '@app/domain';
import { describeDecidedIn } from '@app/follow-up';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { AuditService } from '@app/audit';
import {
  MandateRepository,
  type Mandate,
  type MandateListRow,
  type Obligation,
  type ObligationEvent,
} from '@app/persistence';
import { memberScope, refuse } from '../scope';
import type { MandateListQuery } from './mandate-list.query';
import { LinksService, type LinkView } from '@app/links';

/** A mandate's deadline as the API gives it: the deadline, the day it falls due, its words in the text. */
export type DueView = Due & {
  /** The day it falls due: the due date, or the date of the session it points at. */
  on?: string;
  text: string;
};

/**
 * The calendar as far as a view knows it, for `describeDue`: the day of the session its deadline
 * names ("35. Sitzung (23.06.2021)"), or no day ("49. Sitzung (Termin offen)").
 */
export function viewCalendar(due: DueView): Session[] {
  return due.kind === 'meeting'
    ? [{ number: due.meeting, date: due.on ?? null, state: 'planned' }]
    : [];
}

export interface MandateView {
  id: number;
  resolution: string;
  resolutionId: number;
  /** The council session that decided it; null for a special session, Umlaufverfahren, AL-Runde. */
  meeting: number | null;
  point: number;
  action: string;
  due: DueView;
  /**
   * Obligations the reader may see (a delegate: its own member's only); in a list filtered by
   * owner, that owner's obligation only (`allOwners` still names every owner).
   */
  owners: Array<{
    owner: string;
    status: string;
    obligationId: number;
    overdueSince: string | null;
  }>;
  /** Every owner of the mandate, by name. */
  allOwners: string[];
  partners: string[];
  source: string;
  sourceLine: number;
  corrected: boolean;
}

export interface MandateDetail extends MandateView {
  /** Where it was decided, in words ("34. Sitzung", "Sondersitzung am 08.02.2018"). */
  decidedIn: string;
  /** The meeting it was decided in: the address of those without a number. */
  meetingId: number;
  /** Why the sentence was taken as a mandate: the form of the request that matched. */
  basis: string | null;
  /** Why the reading should be checked; empty where it is certain. */
  uncertain: string[];
  resolutionTitle: string | null;
  pointText: string | null;
  extracted: Mandate['extracted'];
  /** `manual`: added by the secretariat, not read from a text. */
  origin: Mandate['origin'];
  /**
   * Taken out of every list: by the secretariat (`by`, `reason`), or by the ingest because a
   * corrected text no longer has it (`by` and `reason` null).
   */
  withdrawn: { at: string; by: string | null; reason: string | null } | null;
  /**
   * Its chain: later decisions that fulfil, extend, renew or supersede it (proposed, confirmed or
   * rejected), and the earlier ones its own decision answers.
   */
  links: LinkView[];
  obligations: Array<
    MandateView['owners'][number] & { history: Array<Omit<ObligationEvent, 'id' | 'obligationId'>> }
  >;
}

/** Which obligations a list item carries. */
export interface MandateListOptions {
  /**
   * `matching` (the API's lists): with an `owner` filter, only that owner's obligation per
   * mandate, so a member's list reads a page of rows, not every owner's; `all`: every obligation
   * the reader may see (pages that summarise all owners, exports).
   */
  obligations?: 'all' | 'matching';
}

export interface MandatePage {
  items: MandateView[];
  page: number;
  pageSize: number;
  /** Another page follows. */
  hasMore: boolean;
  /** All matches; only with `includeTotal=true`. */
  total?: number;
}

/** Mandates with their obligations: lists with filters, detail with history, corrections. */
@Injectable()
export class MandatesService {
  constructor(
    private readonly mandates: MandateRepository,
    private readonly audit: AuditService,
    private readonly links: LinksService,
  ) {}

  /**
   * A page of mandates. `hasMore` comes from reading one row past the page; the exact `total`
   * costs a count over every match and is given when asked for (`includeTotal`).
   */
  async list(
    query: MandateListQuery,
    user?: AuthUser,
    options: MandateListOptions = {},
  ): Promise<MandatePage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    // A delegate sees its own member's obligation on a shared mandate, and the others by name only.
    const scope = user ? memberScope(user) : undefined;
    // Filtered by owner, the lists of the API carry that owner's obligation only.
    const owner = options.obligations === 'matching' ? query.owner : undefined;
    const { rows, hasMore, total } = await this.mandates.page(query, scope, owner);
    const visible = (o: Obligation) => scope === undefined || o.memberId === scope;
    // Filtered by owner, each row came with that owner's obligation; else they are read now.
    let obligationsOf = (row: MandateListRow) => row.owned.filter(visible);
    if (owner === undefined) {
      const byMandate = new Map<number, Obligation[]>();
      for (const o of await this.mandates.obligationsOf(rows.map((row) => row.mandate.id))) {
        if (!visible(o)) continue;
        const list = byMandate.get(o.mandateId);
        if (list) list.push(o);
        else byMandate.set(o.mandateId, [o]);
      }
      obligationsOf = (row) => byMandate.get(row.mandate.id) ?? [];
    }
    const items = rows.map((row) =>
      toView(row.mandate, {
        resolution: row.resolutionCode,
        meeting: row.mandate.meetingNumber,
        dueMeetingDate: row.dueMeetingDate,
        obligations: obligationsOf(row),
      }),
    );
    return { items, page, pageSize, hasMore, ...(total !== undefined ? { total } : {}) };
  }

  async detail(id: number, user: AuthUser): Promise<MandateDetail> {
    const mandate = await this.mandates.findById(id);
    if (!mandate) throw new NotFoundException(`Einen Auftrag ${id} gibt es nicht.`);
    const obligations = await this.mandates.obligationsOfMandate(id);
    const scope = memberScope(user);
    if (scope !== undefined && !obligations.some((o) => o.memberId === scope)) {
      await this.audit.record(user, { action: 'access.denied', entity: 'mandate', entityId: id });
      refuse(`Der Auftrag ${id}`);
    }
    const { resolution, meeting, dueMeeting, point } = await this.mandates.decisionOf(mandate);
    const visible = obligations.filter((o) => scope === undefined || o.memberId === scope);
    const history = await this.mandates.historyOf(visible.map((o) => o.id));
    const view = toView(mandate, {
      resolution: resolution.code,
      meeting: meeting.number,
      dueMeetingDate: dueMeeting?.date ?? null,
      obligations: visible,
    });
    return {
      ...view,
      decidedIn: describeDecidedIn(meeting),
      meetingId: meeting.id,
      basis: mandate.basis,
      uncertain: mandate.uncertain ?? [],
      resolutionTitle: resolution.title,
      pointText: point?.text ?? null,
      extracted: mandate.extracted,
      origin: mandate.origin,
      withdrawn: mandate.withdrawnAt
        ? { at: mandate.withdrawnAt, by: mandate.withdrawnBy, reason: mandate.withdrawnReason }
        : null,
      links: await this.links.forMandate(id),
      obligations: view.owners.map((o) => ({
        ...o,
        history: history
          .filter((e) => e.obligationId === o.obligationId)
          .map(({ id: _id, obligationId: _o, ...event }) => event),
      })),
    };
  }
}

function toView(
  m: Mandate,
  context: {
    resolution: string;
    meeting: number | null;
    dueMeetingDate: string | null;
    obligations: Obligation[];
  },
): MandateView {
  const on =
    m.dueKind === 'date' ? m.dueDate : m.dueKind === 'meeting' ? context.dueMeetingDate : null;
  // Completed in place (a new object each call) rather than spread into another: lists build
  // one per item.
  const due = dueOfColumns(m) as DueView;
  if (on) due.on = on;
  due.text = m.dueText;
  return {
    id: m.id,
    resolution: context.resolution,
    resolutionId: m.resolutionId,
    meeting: context.meeting,
    point: m.point,
    action: m.action,
    due,
    allOwners: m.owners,
    owners: context.obligations.map((o) => ({
      owner: o.owner,
      status: o.status,
      obligationId: o.id,
      overdueSince: o.overdueSince,
    })),
    partners: m.partners,
    source: m.source,
    sourceLine: m.sourceLine,
    corrected: m.corrected,
  };
}
