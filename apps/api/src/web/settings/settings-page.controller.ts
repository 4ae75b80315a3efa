import { Body, Get, HttpException, Param, ParseIntPipe, Post, Query, Req } from '@nestjs/common';
import { PersonalTokensService, SignInService, UsersService, type AuthUser } from '@app/accounts';
import { Clock, publicUrl } from '@app/config';
import { MembersService } from '@app/tracking';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '@app/persistence';
import { PageController } from '../page-controller.decorator';
import { PageError } from '../page-error';
import { WebSessionService } from '../session/web-session.service';
import { seeOther, type Page, type PageResult, type SeeOther } from '../page';
import { PageContext, PageUser } from '../page-params.decorators';
import type { PageRequest, WebContext } from '../web-http';
import { DIGEST_LABELS, settingsPage, type CalendarSection } from './settings.view';

@PageController('settings')
export class SettingsPageController {
  constructor(
    private readonly signIn: SignInService,
    private readonly users: UsersService,
    private readonly tokens: PersonalTokensService,
    private readonly sessions: WebSessionService,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  private async calendar(user: AuthUser, newFeedUrl?: string): Promise<CalendarSection> {
    return {
      tokens: await this.tokens.list(user.id),
      member: user.memberCode,
      members: user.memberCode ? [] : await this.members.list(),
      newFeedUrl,
      now: this.clock.now(),
    };
  }

  @Get()
  async show(
    @Query('saved') saved: unknown,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const account = await this.users.view(user.id);
    const status =
      saved === 'password'
        ? 'Ihr Passwort ist geändert. Überall sonst sind Sie abgemeldet.'
        : saved === 'calendar'
          ? 'Die Kalender-Adresse ist widerrufen; Kalender, die sie abonniert haben, bekommen keine Fristen mehr.'
          : saved
            ? `Gespeichert: Zusammenfassung ${DIGEST_LABELS[account.digestFrequency]}.`
            : undefined;
    return settingsPage({ context, account, status, calendar: await this.calendar(user) });
  }

  @Post('password')
  async changePassword(
    @Body() body: Record<string, unknown>,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
    @Req() request: PageRequest,
  ): Promise<PageResult> {
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const current = text('currentPassword');
    const next = text('newPassword');
    const refuse = async (status: number, passwordError: string) =>
      settingsPage({
        context,
        account: await this.users.view(user.id),
        passwordError,
        calendar: await this.calendar(user),
      }).withStatus(status);
    if (!current || !next)
      return refuse(400, 'Bitte geben Sie das jetzige und das neue Passwort ein.');
    if (next.length < 12) return refuse(400, 'Das neue Passwort braucht mindestens 12 Zeichen.');
    if (next.length > 200)
      return refuse(400, 'Das neue Passwort darf höchstens 200 Zeichen haben.');
    if (next !== text('repeatPassword'))
      return refuse(400, 'Die beiden neuen Passwörter stimmen nicht überein.');
    try {
      await this.signIn.changeOwnPassword(user.id, current, next, user);
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      const status = error.getStatus();
      if (status === 429)
        return refuse(429, 'Zu viele falsche Passwörter. Bitte warten Sie eine Viertelstunde.');
      if (status === 422)
        return refuse(
          422,
          /currentPassword/.test(error.message)
            ? 'Das jetzige Passwort stimmt nicht.'
            : 'Das neue Passwort muss sich vom jetzigen unterscheiden.',
        );
      throw error;
    }
    // This browser stays signed in: a new session, issued after the change.
    return seeOther(
      '/settings?saved=password',
      await this.sessions.signInCookie(user.id, request.secure),
    );
  }

  @Post('calendar')
  async createFeed(
    @Body() body: Record<string, unknown>,
    @PageUser() user: AuthUser,
    @PageContext() context: WebContext,
  ): Promise<Page> {
    const chosen = typeof body.member === 'string' ? body.member : '';
    const member =
      user.memberCode ??
      (await this.members.list()).find((m) => m.code === chosen)?.code ??
      undefined;
    if (!member)
      throw new PageError(
        400,
        'Bitte wählen Sie das Mitglied, dessen Fristen der Kalender zeigen soll.',
      );
    const { token } = await this.tokens.create(
      user.id,
      { name: `Kalender ${member}`, kind: 'calendar', expiresInDays: 365 },
      user,
    );
    const url = `${publicUrl()}/api/members/${encodeURIComponent(member)}/calendar.ics?token=${token}`;
    return settingsPage({
      context,
      account: await this.users.view(user.id),
      status: 'Die Kalender-Adresse ist angelegt.',
      calendar: await this.calendar(user, url),
    });
  }

  @Post('calendar/:id/revoke')
  async revokeFeed(
    @Param('id', ParseIntPipe) id: number,
    @PageUser() user: AuthUser,
  ): Promise<SeeOther> {
    const token = (await this.tokens.list(user.id)).find((t) => t.id === id);
    if (!token || token.kind !== 'calendar')
      throw new PageError(404, 'Diese Kalender-Adresse gibt es nicht (mehr).');
    await this.tokens.revoke(user.id, id, user);
    return seeOther('/settings?saved=calendar');
  }

  @Post()
  async save(@Body() body: Record<string, unknown>, @PageUser() user: AuthUser): Promise<SeeOther> {
    const frequency = body.digestFrequency;
    if (!(DIGEST_FREQUENCIES as readonly unknown[]).includes(frequency))
      throw new PageError(
        400,
        'Bitte wählen Sie, wie oft Sie die Zusammenfassung bekommen möchten.',
      );
    await this.users.updateUser(user.id, { digestFrequency: frequency as DigestFrequency }, user);
    return seeOther('/settings?saved=1');
  }
}
