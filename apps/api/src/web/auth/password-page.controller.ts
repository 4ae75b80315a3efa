import { Body, Get, HttpException, Post, Query, Req, Res } from '@nestjs/common';
import {
  AccountsService,
  InvitationsService,
  MIN_PASSWORD_LENGTH,
  RESET_ANSWER,
} from '@app/accounts';
import { PageController } from '../page-controller.decorator';
import { AnonymousPage } from '../session/page-access.decorators';
import { WebSessionService } from '../session/web-session.service';
import {
  context,
  redirectAfterPost,
  sendPage,
  type WebRequest,
  type WebResponse,
} from '../web-http';
import { beginSignedInSession, startPage } from './sign-in.controller';
import { forgottenPage, linkGonePage, newPasswordPage } from './password.view';

const text = (body: Record<string, unknown>, name: string): string =>
  typeof body[name] === 'string' ? (body[name] as string) : '';

/** "Passwort vergessen" and the page every one-time link (invitation or reset) leads to. */
@PageController('password')
export class PasswordPageController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly accounts: AccountsService,
    private readonly sessions: WebSessionService,
  ) {}

  @AnonymousPage()
  @Get('forgotten')
  forgotten(@Req() request: WebRequest, @Res() response: WebResponse): void {
    sendPage(response, forgottenPage({ context: context(request) }));
  }

  @AnonymousPage()
  @Post('forgotten')
  async requestLink(
    @Body() body: Record<string, unknown>,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const web = context(request);
    const email = text(body, 'email').trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) {
      sendPage(
        response,
        forgottenPage({ context: web, email, error: 'Bitte geben Sie eine E-Mail-Adresse ein.' }),
        400,
      );
      return;
    }
    try {
      await this.invitations.requestReset(email, request.ip ?? 'unknown');
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 429) {
        sendPage(response, forgottenPage({ context: web, email, error: error.message }), 429);
        return;
      }
      throw error;
    }
    sendPage(response, forgottenPage({ context: web, sent: RESET_ANSWER }));
  }

  /** Only shows the form: mail scanners open links, and opening must not use one up. */
  @AnonymousPage()
  @Get('new')
  async linkForm(
    @Query('token') token: unknown,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const web = context(request);
    const value = typeof token === 'string' ? token : '';
    const link = await this.invitations.check(value);
    if (!link) {
      sendPage(response, linkGonePage(web), 410);
      return;
    }
    sendPage(response, newPasswordPage({ context: web, token: value, link }));
  }

  @AnonymousPage()
  @Post('new')
  async useLink(
    @Body() body: Record<string, unknown>,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const web = context(request);
    const token = text(body, 'token');
    const link = await this.invitations.check(token);
    if (!link) {
      sendPage(response, linkGonePage(web), 410);
      return;
    }
    const password = text(body, 'newPassword');
    const refuse = (error: string) =>
      sendPage(response, newPasswordPage({ context: web, token, link, error }), 400);
    if (password.length < MIN_PASSWORD_LENGTH)
      return refuse(`Das neue Passwort braucht mindestens ${MIN_PASSWORD_LENGTH} Zeichen.`);
    if (password.length > 200) return refuse('Das neue Passwort darf höchstens 200 Zeichen haben.');
    if (password !== text(body, 'repeatPassword'))
      return refuse('Die beiden Passwörter stimmen nicht überein.');
    let userId: number;
    try {
      userId = await this.invitations.redeem(token, password);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 410) {
        sendPage(response, linkGonePage(web), 410);
        return;
      }
      throw error;
    }
    const user = await this.accounts.activeUser(userId);
    if (!user) {
      sendPage(response, linkGonePage(web), 410);
      return;
    }
    await beginSignedInSession(this.sessions, user.id, request, response);
    redirectAfterPost(response, startPage(user));
  }
}
