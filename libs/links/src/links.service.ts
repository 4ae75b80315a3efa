import type { Due } from '@app/domain';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService, type AuditActor } from '@app/audit';
import { Clock, systemClock } from '@app/config';
import { describeDecidedIn } from '@app/follow-up';
import {
  DecisionLinkRepository,
  type DecisionLink,
  type DecisionLinkKind,
  type DecisionLinkState,
  type Mandate,
  type Meeting,
  type Resolution,
  Transactions,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';
import type { LinkEffect } from './decision-link.applier';
import type { LinkListQuery } from './dto/link.dto';
import { confirmLink, linkHref } from './link-confirmation';

/** A link between two decisions as the secretariat reviews it: both sentences side by side. */
export interface LinkView {
  id: number;
  state: DecisionLinkState;
  kind: DecisionLinkKind;
  explicit: boolean;
  reason: string;
  /** The later decision and the sentence that makes the link. */
  from: {
    resolution: string;
    point: number | null;
    meeting: number | null;
    decidedIn: string;
    sentence: string;
    /** The page of the source document at that sentence. */
    href: string | null;
  };
  /** The earlier decision and its mandates the link concerns. */
  to: {
    resolution: string;
    stored: boolean;
    decidedIn: string | null;
    mandates: Array<{
      id: number;
      point: number;
      owners: string[];
      action: string;
      source: string;
    }>;
  };
  /** The owners whose obligations it concerns; empty for all of them. */
  owners: string[];
  /** For `extends`: the new deadline. */
  due: Due | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** Proposed links between decisions: list, confirm (apply) and reject. */
@Injectable()
export class LinksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly links: DecisionLinkRepository,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The links in the query, only those from decisions of council `councilId` where given. */
  async list(query: LinkListQuery, councilId?: number): Promise<LinkView[]> {
    const { council: _named, ...filter } = query;
    return this.views(await this.links.list({ ...filter, councilId }));
  }

  async get(id: number): Promise<LinkView> {
    const link = await this.links.findById(id);
    if (!link) throw new NotFoundException(`Einen Verweis ${id} gibt es nicht.`);
    return (await this.views([link]))[0];
  }

  /** The links from and to a mandate's decision that concern it (the mandate's chain). */
  async forMandate(mandateId: number, manager?: EntityManager) {
    return this.views(await this.links.ofMandate(mandateId, manager), manager);
  }

  /** Applies the link's effect to every obligation it concerns; one transaction, audited. */
  async confirm(id: number, user: AuditActor): Promise<LinkView & { effects: LinkEffect[] }> {
    const effects = await this.transactions.run(async (manager) => {
      const link = await this.proposed(id, manager);
      const now = this.clock.now().toISOString();
      const effects = await confirmLink(this.links, manager, link, user.email, now);
      await this.audit.record(
        user,
        {
          action: 'link.confirm',
          entity: 'link',
          entityId: id,
          before: { state: link.state },
          after: {
            state: 'confirmed',
            kind: link.kind,
            to: link.toCode,
            obligations: effects.map((e) => ({ id: e.obligationId, from: e.from, to: e.to })),
          },
        },
        manager,
      );
      return effects;
    });
    return { ...(await this.get(id)), effects };
  }

  /** Marks the link wrong; nothing else changes. */
  async reject(id: number, user: AuditActor): Promise<LinkView> {
    await this.transactions.run(async (manager) => {
      const link = await this.proposed(id, manager);
      const now = this.clock.now().toISOString();
      await this.links.decide(manager, id, { state: 'rejected', by: user.email, at: now });
      await this.audit.record(
        user,
        {
          action: 'link.reject',
          entity: 'link',
          entityId: id,
          before: { state: link.state },
          after: { state: 'rejected', kind: link.kind, to: link.toCode },
        },
        manager,
      );
    });
    return this.get(id);
  }

  private async proposed(id: number, manager: EntityManager): Promise<DecisionLink> {
    const link = await this.links.findById(id, manager);
    if (!link) throw new NotFoundException(`Einen Verweis ${id} gibt es nicht.`);
    if (link.state !== 'proposed')
      throw new ConflictException(
        `Über den Verweis ${id} ist schon entschieden${link.decidedBy ? ` (von ${link.decidedBy})` : ''}; bestätigen oder verwerfen lassen sich nur vorgeschlagene Verweise.`,
      );
    return link;
  }

  private async views(links: DecisionLink[], manager?: EntityManager): Promise<LinkView[]> {
    if (links.length === 0) return [];
    const {
      resolutions: resolution,
      meetings: meeting,
      mandates: mandate,
    } = await this.links.reviewContext(links, manager);
    return links.map((l) => {
      const from = resolution.get(l.fromResolutionId) as Resolution;
      const fromMeeting = meeting.get(from.meetingId) as Meeting;
      const to = l.toResolutionId ? resolution.get(l.toResolutionId) : undefined;
      const toMeeting = to ? meeting.get(to.meetingId) : undefined;
      return {
        id: l.id,
        state: l.state,
        kind: l.kind,
        explicit: l.explicit,
        reason: l.reason,
        from: {
          resolution: from.code,
          point: l.fromPoint,
          meeting: fromMeeting.kind === 'session' ? fromMeeting.number : null,
          decidedIn: describeDecidedIn(fromMeeting),
          sentence: l.sentence,
          href: linkHref(l),
        },
        to: {
          resolution: l.toCode,
          stored: to !== undefined,
          decidedIn: toMeeting ? describeDecidedIn(toMeeting) : null,
          mandates: l.mandateIds
            .map((id) => mandate.get(id))
            .filter((m): m is Mandate => m !== undefined)
            .map((m) => ({
              id: m.id,
              point: m.point,
              owners: m.owners,
              action: m.action,
              source: m.source,
            })),
        },
        owners: l.owners,
        due: l.due,
        decidedBy: l.decidedBy,
        decidedAt: l.decidedAt,
      };
    });
  }
}
