import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { AuditService } from '@app/audit';
import {
  MandateRepository,
  MeetingRepository,
  MemberRepository,
  ObligationRepository,
  ResolutionRepository,
  reconcileOwners,
  refreshOverdueFlags,
  Transactions,
  type Mandate,
  type Member,
  type Resolution,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';
import type { CorrectMandateDto, DueDto } from './dto/correct-mandate.dto';
import type { CreateMandateDto, WithdrawMandateDto } from './dto/manual-mandate.dto';
import { auditedFields, checkDueSessions, givenDueColumns, ownerCodes } from './mandate-fields';
import { MandatesService, type MandateDetail } from './mandates.service';

/**
 * What the secretariat does to mandates by hand: adds one the extractor missed, corrects any
 * field of one, withdraws a wrong one. Each is one transaction with history and audit; a re-ingest
 * of the text keeps all three.
 */
@Injectable()
export class MandateEditsService {
  constructor(
    private readonly mandateRows: MandateRepository,
    private readonly resolutions: ResolutionRepository,
    private readonly members: MemberRepository,
    private readonly meetings: MeetingRepository,
    private readonly obligations: ObligationRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly mandates: MandatesService,
  ) {}

  async create(dto: CreateMandateDto, user: AuthUser): Promise<MandateDetail> {
    const action = dto.action.trim();
    if (!action) throw new BadRequestException('action darf nicht leer sein: was ist zu tun?');
    const id = await this.transactions.run(async (manager) => {
      const code = dto.resolution.replace(/\s+/g, '');
      const resolution = await this.resolutions.findOneByCode(manager, code);
      if (!resolution)
        throw new BadRequestException(
          `resolution "${dto.resolution}": kein gespeicherter Beschluss mit dieser Nummer; lesen Sie zuerst seinen Text ein`,
        );
      const pointLine = await this.checkPoint(manager, resolution, dto.point);
      const members = await this.members.ofCouncil(manager, resolution.councilId);
      await this.checkDue(manager, resolution, dto.due);
      const owners = ownerCodes(dto.owners, members, [], true);
      const meeting = await this.resolutions.meetingOf(resolution, manager);
      const now = new Date().toISOString();
      const due = givenDueColumns(dto.due, '');
      const row: Omit<Mandate, 'id'> = {
        resolutionId: resolution.id,
        meetingNumber: meeting.kind === 'session' ? meeting.number : null,
        point: dto.point,
        ordinal: await this.mandateRows.freeOrdinal(manager, resolution.id, dto.point),
        owners,
        partners: [],
        action,
        ...(due as Pick<
          Mandate,
          'dueKind' | 'dueMeeting' | 'dueDate' | 'dueFromMeeting' | 'dueSoft' | 'dueText'
        >),
        source: dto.source?.trim() ?? '',
        sourceLine: pointLine,
        basis: null,
        uncertain: null,
        extracted: { owners, partners: [], action, due: dto.due },
        corrected: false,
        origin: 'manual',
        withdrawnAt: null,
        withdrawnBy: null,
        withdrawnReason: null,
        createdAt: now,
        updatedAt: now,
      };
      const mandateId = await this.mandateRows.add(manager, row);
      await reconcileOwners(manager, {
        mandateId,
        owners,
        memberIds: memberIds(members),
        now,
        actor: user.email,
        reason: 'von der Geschäftsstelle von Hand angelegt',
      });
      await refreshOverdueFlags(manager, new Date(now), { mandateIds: [mandateId] });
      await this.audit.record(
        user,
        {
          action: 'mandate.create',
          entity: 'mandate',
          entityId: mandateId,
          after: { resolution: resolution.code, ...auditedFields({ ...row, id: mandateId }) },
        },
        manager,
      );
      return mandateId;
    });
    return this.mandates.detail(id, user);
  }

  /** Fixes any field; the original extraction stays in `extracted` and a re-ingest keeps the fix. */
  async correct(id: number, dto: CorrectMandateDto, user: AuthUser): Promise<MandateDetail> {
    const fields = [dto.owners, dto.due, dto.action, dto.point, dto.source];
    if (fields.every((field) => field === undefined)) {
      throw new UnprocessableEntityException(
        'nichts zu korrigieren: geben Sie owners, action, due, source oder point an',
      );
    }
    await this.transactions.run(async (manager) => {
      const mandate = await this.writable(manager, id);
      const resolution = (await this.resolutions.findById(
        mandate.resolutionId,
        undefined,
        manager,
      )) as Resolution;
      const members = await this.members.ofCouncil(manager, resolution.councilId);
      if (dto.due) await this.checkDue(manager, resolution, dto.due);
      const before = auditedFields(mandate);
      const now = new Date().toISOString();
      const values: Partial<Mandate> = { corrected: true, updatedAt: now };
      const extracted = { ...mandate.extracted };
      if (dto.action !== undefined) values.action = dto.action;
      if (dto.due !== undefined) Object.assign(values, givenDueColumns(dto.due, 'korrigiert'));
      if (dto.owners !== undefined)
        values.owners = ownerCodes(
          dto.owners,
          members,
          mandate.owners,
          mandate.origin === 'manual',
        );
      if (dto.source !== undefined && dto.source.trim() !== mandate.source) {
        values.source = dto.source.trim();
        extracted.source ??= mandate.source;
      }
      if (dto.point !== undefined && dto.point !== mandate.point) {
        values.sourceLine = await this.checkPoint(manager, resolution, dto.point);
        // A free place at the new point; the ingest still finds it where the text has it.
        values.point = dto.point;
        values.ordinal = await this.mandateRows.freeOrdinal(manager, resolution.id, dto.point);
        extracted.point ??= mandate.point;
        extracted.ordinal ??= mandate.ordinal;
      }
      values.extracted = extracted;
      await this.mandateRows.update(manager, id, values);
      if (dto.owners !== undefined) {
        await reconcileOwners(manager, {
          mandateId: id,
          owners: values.owners as string[],
          memberIds: memberIds(members),
          now,
          actor: user.email,
          reason: dto.note ?? 'Zuständige von der Geschäftsstelle korrigiert',
        });
      }
      // A new deadline or new owners change what is overdue: at once, not at the next scan.
      await refreshOverdueFlags(manager, new Date(now), { mandateIds: [id] });
      const after = (await this.mandateRows.findById(id, manager)) as Mandate;
      await this.audit.record(
        user,
        {
          action: 'mandate.correct',
          entity: 'mandate',
          entityId: id,
          before,
          after: { ...auditedFields(after), note: dto.note },
        },
        manager,
      );
    });
    return this.mandates.detail(id, user);
  }

  /**
   * Takes a wrong mandate out of every list, report, digest, export and feed, for good: a
   * re-ingest does not bring it back. It stays readable on its own, with the reason; each
   * obligation keeps its status, loses its overdue flag and gets a history entry.
   */
  async withdraw(id: number, dto: WithdrawMandateDto, user: AuthUser): Promise<MandateDetail> {
    const reason = dto.reason.trim();
    if (!reason)
      throw new BadRequestException(
        'reason darf nicht leer sein: warum wird der Auftrag zurückgezogen?',
      );
    await this.transactions.run(async (manager) => {
      const mandate = await this.writable(manager, id);
      const now = new Date().toISOString();
      await this.mandateRows.update(manager, id, {
        withdrawnAt: now,
        withdrawnBy: user.email,
        withdrawnReason: reason,
        updatedAt: now,
      });
      const obligations = await this.obligations.ofMandate(manager, id);
      for (const o of obligations) {
        await this.obligations.update(manager, o.id, { overdueSince: null, updatedAt: now });
        await this.obligations.addEvents(manager, [
          {
            obligationId: o.id,
            at: now,
            actor: user.email,
            type: 'withdrawn',
            fromStatus: o.status,
            toStatus: o.status,
            note: reason,
            link: null,
          },
        ]);
      }
      await this.audit.record(
        user,
        {
          action: 'mandate.withdraw',
          entity: 'mandate',
          entityId: id,
          before: auditedFields(mandate),
          after: { withdrawnAt: now, reason },
        },
        manager,
      );
    });
    return this.mandates.detail(id, user);
  }

  /** A mandate that may still be changed: it exists and is not withdrawn. */
  private async writable(manager: EntityManager, id: number): Promise<Mandate> {
    const mandate = await this.mandateRows.findById(id, manager);
    if (!mandate) throw new NotFoundException(`Einen Auftrag ${id} gibt es nicht.`);
    if (mandate.withdrawnAt)
      throw new ConflictException(
        `Auftrag ${id} ist zurückgezogen (${mandate.withdrawnAt.slice(0, 10)}) und kann nicht mehr geändert werden`,
      );
    return mandate;
  }

  private async checkDue(manager: EntityManager, resolution: Resolution, due: DueDto) {
    const sessions = await this.meetings.sessionsOf(manager, resolution.councilId);
    checkDueSessions(due, new Set(sessions.map((m) => m.number)));
  }

  /**
   * The point must be one of the decision's points (where it has numbered points); gives the
   * point's line in the protocol, for the link to the text.
   */
  private async checkPoint(
    manager: EntityManager,
    resolution: Resolution,
    point: number,
  ): Promise<number> {
    const points = await this.resolutions.pointsOf(resolution.id, manager);
    const found = points.find((p) => p.number === point);
    if (found) return found.line;
    if (points.length === 0 && point === 1) return 0;
    throw new BadRequestException(
      `point ${point}: Beschluss ${resolution.code} hat keinen Punkt ${point}${points.length ? ` (Punkte: ${points.map((p) => p.number).join(', ')})` : ' (nur Punkt 1)'}`,
    );
  }
}

function memberIds(members: Member[]): Map<string, number> {
  return new Map(members.map((x) => [x.code, x.id]));
}
