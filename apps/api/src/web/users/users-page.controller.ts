import { Body, Get, HttpException, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { InvitationsService, UsersService, type AuthUser } from '@app/accounts';
import { ROLES, type Role } from '@app/persistence';
import { MembersService } from '@app/tracking';
import { PageController } from '../page-controller.decorator';
import { PageRoles } from '../session/page-access.decorators';
import { seeOther, type Page, type PageResult } from '../page';
import { PageContext, PageUser } from '../page-params.decorators';
import type { WebContext } from '../web-http';
import { userPage, usersPage, type InviteInput } from './users.view';

const text = (body: Record<string, unknown>, name: string): string =>
  typeof body[name] === 'string' ? (body[name] as string).trim() : '';

/** Why a role and member do not go together, in German; undefined when they do. */
function roleProblem(role: string, member: string, codes: Set<string>): string | undefined {
  if (!(ROLES as readonly string[]).includes(role)) return 'Bitte wählen Sie eine Rolle.';
  if (role === 'delegate' && !member)
    return 'Eine Delegation gehört zu einem Mitglied: Bitte wählen Sie es.';
  if (role === 'delegate' && !codes.has(member)) return `Das Mitglied ${member} ist unbekannt.`;
  if (role !== 'delegate' && member)
    return 'Nur Delegationen gehören zu einem Mitglied: Wählen Sie „keines“ oder die Rolle Delegation.';
  return undefined;
}

/** The secretariat's accounts: invite by mail, change role and member, disable and enable. */
@PageController('users')
@PageRoles('secretariat')
export class UsersPageController {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
    private readonly members: MembersService,
  ) {}

  private async memberCodes(): Promise<Set<string>> {
    return new Set((await this.members.list(true)).map((m) => m.code));
  }

  @Get()
  async list(
    @Query('invited') invited: unknown,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const status =
      typeof invited === 'string' && invited
        ? `Die Einladung an ${invited} ist verschickt.`
        : undefined;
    return this.listPage(context, { status });
  }

  private async listPage(
    context: WebContext,
    extra: { input?: InviteInput; error?: string; status?: string },
  ): Promise<Page> {
    return usersPage({
      context,
      users: await this.users.listUsers(),
      members: await this.members.list(true),
      ...extra,
    });
  }

  /** One account's page, with the refusal of its last form if any. */
  private async userPageFor(
    context: WebContext,
    id: number,
    extra: { error?: string; status?: string },
  ): Promise<Page> {
    return userPage({
      context,
      user: await this.users.view(id),
      members: await this.members.list(true),
      ...extra,
    });
  }

  @Post()
  async invite(
    @Body() body: Record<string, unknown>,
    @PageUser() actor: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<PageResult> {
    const input: InviteInput = {
      email: text(body, 'email').toLowerCase(),
      name: text(body, 'name'),
      role: text(body, 'role') as Role,
      member: text(body, 'member'),
    };
    const refuse = async (error: string, code: number) =>
      (await this.listPage(context, { input, error })).withStatus(code);
    if (!/^[^\s@]+@[^\s@]+$/.test(input.email) || input.email.length > 320)
      return refuse('Bitte geben Sie eine gültige E-Mail-Adresse ein.', 400);
    if (!input.name || input.name.length > 200)
      return refuse('Bitte geben Sie einen Namen ein (höchstens 200 Zeichen).', 400);
    const problem = roleProblem(input.role, input.member, await this.memberCodes());
    if (problem) return refuse(problem, 400);
    if ((await this.users.listUsers()).some((u) => u.email === input.email))
      return refuse(`Zu ${input.email} gibt es schon ein Konto.`, 409);
    try {
      await this.invitations.invite(
        { email: input.email, name: input.name, role: input.role, member: input.member || null },
        actor,
      );
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 503)
        return refuse(error.message, 503);
      throw error;
    }
    return seeOther(`/users?invited=${encodeURIComponent(input.email)}`);
  }

  @Get(':id')
  async show(
    @Param('id', ParseIntPipe) id: number,
    @Query('saved') saved: unknown,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const status =
      saved === 'invitation'
        ? 'Die Einladung ist erneut verschickt.'
        : saved
          ? 'Gespeichert.'
          : undefined;
    return this.userPageFor(context, id, { status });
  }

  @Post(':id')
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: Record<string, unknown>,
    @PageUser() actor: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<PageResult> {
    const user = await this.users.view(id);
    const role = text(body, 'role');
    const member = text(body, 'member');
    const refuse = async (error: string, code: number) =>
      (await this.userPageFor(context, id, { error })).withStatus(code);
    const problem = roleProblem(role, member, await this.memberCodes());
    if (problem) return refuse(problem, 400);
    try {
      await this.users.updateUser(
        id,
        { role: role as Role, member: member || null, active: body.active === '1' },
        actor,
      );
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 409)
        return refuse(
          `${user.email} ist das letzte aktive Konto der Geschäftsstelle. Machen Sie erst ein anderes Konto zur Geschäftsstelle, sonst kann niemand mehr Konten verwalten.`,
          409,
        );
      throw error;
    }
    return seeOther(`/users/${id}?saved=1`);
  }

  @Post(':id/invitation')
  async reinvite(
    @Param('id', ParseIntPipe) id: number,
    @PageUser() actor: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<PageResult> {
    try {
      await this.invitations.reinvite(id, actor);
    } catch (error) {
      if (error instanceof HttpException && [422, 503].includes(error.getStatus()))
        return (await this.userPageFor(context, id, { error: error.message })).withStatus(
          error.getStatus(),
        );
      throw error;
    }
    return seeOther(`/users/${id}?saved=invitation`);
  }
}
