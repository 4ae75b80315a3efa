import { type ObligationStatus, STATUS_LABELS } from '@app/domain';
import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { AuditService } from '@app/audit';
import {
  MandateRepository,
  ObligationRepository,
  refreshOverdueFlags,
  Transactions,
  type Obligation,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { memberScope, refuse } from '../scope';
import type { AddCommentDto, UpdateObligationDto } from './dto/update-obligation.dto';
import { allowedTransitions, canTransition } from './obligation-status.rule';

/** A status as users read it, with the API's value they send. */
const statusName = (status: ObligationStatus) => `„${STATUS_LABELS[status]}“ (${status})`;

export interface ObligationView {
  id: number;
  owner: string;
  status: string;
  overdueSince: string | null;
  allowedTransitions: string[];
  mandate: {
    id: number;
    resolution: string;
    meeting: number | null;
    point: number;
    action: string;
    source: string;
  };
  history: Array<{
    at: string;
    actor: string;
    type: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
    link: string | null;
  }>;
}

/** Reading and updating one owner's obligation: status workflow with note and link, comments. */
@Injectable()
export class ObligationsService {
  constructor(
    private readonly obligations: ObligationRepository,
    private readonly mandates: MandateRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  private async load(id: number, user: AuthUser, manager?: EntityManager): Promise<Obligation> {
    const obligation = await this.obligations.findById(id, manager);
    if (!obligation) throw new NotFoundException(`Eine Pflicht ${id} gibt es nicht.`);
    const scope = memberScope(user);
    if (scope !== undefined && obligation.memberId !== scope) {
      await this.audit.record(user, {
        action: 'access.denied',
        entity: 'obligation',
        entityId: id,
      });
      refuse(`Die Pflicht ${id}`);
    }
    return obligation;
  }

  async get(id: number, user: AuthUser): Promise<ObligationView> {
    return this.view(await this.load(id, user), user);
  }

  async view(o: Obligation, user: AuthUser, manager?: EntityManager): Promise<ObligationView> {
    const { mandate, resolution, meeting } = await this.obligations.decisionOf(o, manager);
    const history = await this.obligations.history(o.id, manager);
    return {
      id: o.id,
      owner: o.owner,
      status: o.status,
      overdueSince: o.overdueSince,
      allowedTransitions: allowedTransitions(o.status, user.role),
      mandate: {
        id: mandate.id,
        resolution: resolution.code,
        meeting: meeting.number,
        point: mandate.point,
        action: mandate.action,
        source: mandate.source,
      },
      history: history.map(({ at, actor, type, fromStatus, toStatus, note, link }) => ({
        at,
        actor,
        type,
        fromStatus,
        toStatus,
        note,
        link,
      })),
    };
  }

  async update(id: number, dto: UpdateObligationDto, user: AuthUser): Promise<ObligationView> {
    if (dto.status === undefined && dto.note === undefined && dto.link === undefined) {
      throw new UnprocessableEntityException(
        'Nichts zu ändern: geben Sie einen Status (status), eine Notiz (note) oder einen Verweis (link) an.',
      );
    }
    // Scope is checked before the transaction, so a refusal's audit entry is not rolled back.
    const loaded = await this.load(id, user);
    const mandate = await this.mandates.findById(loaded.mandateId);
    if (mandate?.withdrawnBy)
      throw new ConflictException(
        `Auftrag ${mandate.id} ist zurückgezogen; seine Pflichten werden nicht mehr geändert`,
      );
    return this.transactions.run(async (manager) => {
      const o = await this.load(id, user, manager);
      const now = new Date().toISOString();
      if (dto.status !== undefined && dto.status !== o.status) {
        if (!canTransition(o.status, dto.status, user.role)) {
          const allowed = allowedTransitions(o.status, user.role);
          throw new ConflictException(
            `Der Status kann nicht von ${statusName(o.status)} zu ${statusName(dto.status)} wechseln; möglich ist ${allowed.length ? allowed.map(statusName).join(', ') : 'für Ihre Rolle kein Wechsel'}.`,
          );
        }
        // Only from the status the check was made against: two changes sent at once must not
        // both pass the check and both be written (the history would then disagree with itself).
        const changed = await this.obligations.moveStatus(manager, o.id, o.status, dto.status, now);
        if (!changed)
          throw new ConflictException(
            `Die Pflicht ${o.id} wurde inzwischen von jemand anderem geändert; laden Sie sie neu und versuchen Sie es noch einmal.`,
          );
        await this.obligations.addEvents(manager, [
          {
            obligationId: o.id,
            at: now,
            actor: user.email,
            type: 'status',
            fromStatus: o.status,
            toStatus: dto.status,
            note: dto.note ?? null,
            link: dto.link ?? null,
          },
        ]);
        // A report ends a one-off duty but not a recurring one with a round already missed;
        // reopening can make it overdue again: the rule decides, now.
        await refreshOverdueFlags(manager, new Date(now), { mandateIds: [o.mandateId] });
        await this.audit.record(
          user,
          {
            action: 'obligation.status',
            entity: 'obligation',
            entityId: o.id,
            before: { status: o.status },
            after: { status: dto.status, note: dto.note, link: dto.link },
          },
          manager,
        );
      } else {
        await this.obligations.addEvents(manager, [
          {
            obligationId: o.id,
            at: now,
            actor: user.email,
            type: 'comment',
            fromStatus: null,
            toStatus: null,
            note: dto.note ?? null,
            link: dto.link ?? null,
          },
        ]);
        await this.audit.record(
          user,
          {
            action: 'obligation.comment',
            entity: 'obligation',
            entityId: o.id,
            after: { note: dto.note, link: dto.link },
          },
          manager,
        );
      }
      const updated = (await this.obligations.findById(o.id, manager)) as Obligation;
      return this.view(updated, user, manager);
    });
  }

  async comment(id: number, dto: AddCommentDto, user: AuthUser): Promise<ObligationView> {
    return this.update(id, { note: dto.note, link: dto.link }, user);
  }
}
