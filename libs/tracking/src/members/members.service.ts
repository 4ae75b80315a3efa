import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { AuditService } from '@app/audit';
import {
  CouncilRepository,
  MandateRepository,
  MemberRepository,
  MEMBER_KINDS,
  ObligationRepository,
  Transactions,
  type Member,
} from '@app/persistence';
import type { EntityManager } from 'typeorm';
import type { RegisterOwnerDto } from './dto/register-owner.dto';
import { MandatesService, type MandatePage } from '../mandates/mandates.service';
import type { MandateListQuery } from '../mandates/mandate-list.query';
import { memberScope, refuse } from '../scope';

export interface MemberView {
  code: string;
  name: string;
  kind: string;
  /** For a registry entry that belongs to a member: that member's code. */
  belongsTo?: string;
}

export interface RegisteredOwner extends MemberView {
  aliases: string[];
  /** Obligations that had the new entry's name as owner and now have its code. */
  reowned: number;
}

@Injectable()
export class MembersService {
  constructor(
    private readonly members: MemberRepository,
    private readonly councils: CouncilRepository,
    private readonly obligationRows: ObligationRepository,
    private readonly mandateRows: MandateRepository,
    private readonly transactions: Transactions,
    private readonly mandates: MandatesService,
    private readonly audit: AuditService,
  ) {}

  /** Members of the council (Bund, the Länder, FITKO, Kommunen, the chair); bodies with `all`. */
  async list(all = false, councilId?: number): Promise<MemberView[]> {
    const rows = await this.members.active(all, councilId);
    return rows.map(({ code, name, kind, belongsTo }) => ({
      code,
      name,
      kind,
      ...(belongsTo ? { belongsTo } : {}),
    }));
  }

  /**
   * Adds an owner found by name to the registry. Its name and spellings become aliases, so later
   * ingests give it its code; obligations already owed under one of those names move to the code
   * (with a history entry), and to the member it belongs to. One transaction, all or nothing.
   */
  async register(dto: RegisterOwnerDto, user: AuthUser): Promise<RegisteredOwner> {
    return this.transactions.run(async (m) => {
      const council = await this.councils.first(m);
      if (!council)
        throw new NotFoundException('Es ist noch kein Gremium eingerichtet (tracker seed).');
      const code = dto.code.trim();
      const name = dto.name.trim();
      const aliases = [...new Set([name, code, ...(dto.aliases ?? []).map((a) => a.trim())])];
      const all = await this.members.ofCouncil(m, council.id);
      if (all.some((x) => x.code === code))
        throw new ConflictException(`Das Mitgliederverzeichnis hat schon einen Eintrag ${code}.`);
      const taken = all.find((x) =>
        [x.code, ...x.aliases].some((a) =>
          aliases.some((b) => a.toLowerCase() === b.toLowerCase()),
        ),
      );
      if (taken)
        throw new ConflictException(
          `${aliases.find((b) => [taken.code, ...taken.aliases].some((a) => a.toLowerCase() === b.toLowerCase()))} bezeichnet schon den Eintrag ${taken.code} im Mitgliederverzeichnis.`,
        );
      let owner: Member | undefined;
      if (dto.belongsTo !== undefined) {
        owner = all.find(
          (x) =>
            x.code === dto.belongsTo &&
            (MEMBER_KINDS as readonly string[]).includes(x.kind) &&
            x.active,
        );
        if (!owner)
          throw new BadRequestException(
            `belongsTo: ${dto.belongsTo} ist kein Mitglied des Rats (Bund, ein Land, FITKO, Kommunen, Vorsitz).`,
          );
      }
      const id = await this.members.add(m, {
        councilId: council.id,
        code,
        name,
        kind: dto.kind,
        aliases,
        expandsTo: null,
        active: true,
        belongsTo: owner?.code ?? null,
      });
      const reowned = await this.reown(
        m,
        aliases.filter((a) => a !== code),
        code,
        owner?.id ?? id,
        user,
      );
      const view: RegisteredOwner = {
        code,
        name,
        kind: dto.kind,
        ...(owner ? { belongsTo: owner.code } : {}),
        aliases,
        reowned,
      };
      await this.audit.record(
        user,
        { action: 'registry.add', entity: 'member', entityId: code, after: view },
        m,
      );
      return view;
    });
  }

  /** Obligations and mandates owed under an old name, moved to the new registry code. */
  private async reown(
    m: EntityManager,
    names: string[],
    code: string,
    memberId: number,
    user: AuthUser,
  ): Promise<number> {
    if (names.length === 0) return 0;
    const obligations = await this.obligationRows.ofOwners(m, names);
    const now = new Date().toISOString();
    for (const o of obligations) {
      await this.obligationRows.update(m, o.id, { owner: code, memberId, updatedAt: now });
      await this.obligationRows.addEvents(m, [
        {
          obligationId: o.id,
          at: now,
          actor: user.email,
          type: 'owner',
          fromStatus: o.status,
          toStatus: o.status,
          note: `${o.owner} ins Verzeichnis aufgenommen als ${code}`,
          link: null,
        },
      ]);
    }
    const mandateIds = [...new Set(obligations.map((o) => o.mandateId))];
    for (const mandate of await this.mandateRows.findByIds(mandateIds, m)) {
      const owners = [...new Set(mandate.owners.map((o) => (names.includes(o) ? code : o)))];
      await this.mandateRows.update(m, mandate.id, { owners, updatedAt: now });
    }
    return obligations.length;
  }

  /** A member by its code; with a council, that council's (codes are per council). */
  async byCode(code: string, councilId?: number): Promise<Member> {
    const member = await this.members.byCode(code, councilId);
    if (!member)
      throw new NotFoundException(
        councilId === undefined
          ? `Ein Mitglied ${code} gibt es nicht.`
          : `Ein Mitglied ${code} gibt es in diesem Gremium nicht.`,
      );
    return member;
  }

  /** A member's mandates, each with all owners; delegates see only their own member's. */
  async obligations(
    code: string,
    query: MandateListQuery,
    user: AuthUser,
    councilId?: number,
  ): Promise<MandatePage> {
    const member = await this.byCode(code, councilId);
    const scope = memberScope(user);
    if (scope !== undefined && scope !== member.id) {
      await this.audit.record(user, { action: 'access.denied', entity: 'member', entityId: code });
      refuse(`Die Liste des Mitglieds ${code}`);
    }
    return this.mandates.list({ ...query, owner: member.code }, user, { obligations: 'matching' });
  }
}
