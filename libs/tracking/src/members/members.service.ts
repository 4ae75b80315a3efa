import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { AuditService } from '@app/audit';
import { Member, MEMBER_KINDS } from '@app/persistence';
import { DataSource, In } from 'typeorm';
import { MandatesService, type MandatePage } from '../mandates/mandates.service';
import type { MandateListQuery } from '../mandates/mandate-list.query';
import { memberScope, refuse } from '../scope';

export interface MemberView {
  code: string;
  name: string;
  kind: string;
}

@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mandates: MandatesService,
    private readonly audit: AuditService,
  ) {}

  /** Members of the council (Bund, the Länder, FITKO, Kommunen, the chair); bodies with `all`. */
  async list(all = false): Promise<MemberView[]> {
    const rows = await this.dataSource.getRepository(Member).find({
      where: all ? { active: true } : { active: true, kind: In([...MEMBER_KINDS]) },
      order: { id: 'ASC' },
    });
    return rows.map(({ code, name, kind }) => ({ code, name, kind }));
  }

  async byCode(code: string): Promise<Member> {
    const member = await this.dataSource.getRepository(Member).findOneBy({ code });
    if (!member) throw new NotFoundException(`no member ${code}`);
    return member;
  }

  /** A member's mandates, each with all owners; delegates see only their own member's. */
  async obligations(code: string, query: MandateListQuery, user: AuthUser): Promise<MandatePage> {
    const member = await this.byCode(code);
    const scope = memberScope(user);
    if (scope !== undefined && scope !== member.id) {
      await this.audit.record(user, { action: 'access.denied', entity: 'member', entityId: code });
      refuse(`Member ${code}'s list`);
    }
    return this.mandates.list({ ...query, owner: member.code }, user, { obligations: 'matching' });
  }
}
