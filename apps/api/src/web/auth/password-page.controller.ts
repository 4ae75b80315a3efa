import { Body, Get, HttpException, Post, Query, Req } from '@nestjs/common';
import {
  InvitationsService,
  MIN_PASSWORD_LENGTH,
  RESET_ANSWER,
  SignInService,
} from '@app/accounts';
import { seeOther, type Page, type PageResult } from '../page';
import { PageController } from '../page-controller.decorator';
import { PageContext } from '../page-params.decorators';
import { AnonymousPage } from '../session/page-access.decorators';
import { WebSessionService } from '../session/web-session.service';
import type { PageRequest, WebContext } from '../web-http';
import { startPage } from './sign-in.controller';
import { forgottenPage, linkGonePage, newPasswordPage } from './password.view';

const text = (body: Record<string, unknown>, name: string): string =>
  typeof body[name] === 'string' ? (body[name] as string) : '';

/** "Passwort vergessen" and the page every one-time link (invitation or reset) leads to. */
@PageController('password')
export class PasswordPageController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly signIn: SignInService,
    private readonly sessions: WebSessionService,
  ) {}

  @AnonymousPage()
  @Get('forgotten')
  forgotten(@PageContext() web: WebContext): Page {
    return forgottenPage({ context: web });
  }

  @AnonymousPage()
  @Post('forgotten')
  async requestLink(
    @Body() body: Record<string, unknown>,
    @PageContext() web: WebContext,
    @Req() request: PageRequest,
  ): Promise<Page> {
    const email = text(body, 'email').trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320)
      return forgottenPage({
        context: web,
        email,
        error: 'Bitte geben Sie eine E-Mail-Adresse ein.',
      }).withStatus(400);
    try {
      await this.invitations.requestReset(email, request.ip ?? 'unknown');
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 429)
        return forgottenPage({ context: web, email, error: error.message }).withStatus(429);
      throw error;
    }
    return forgottenPage({ context: web, sent: RESET_ANSWER });
  }

  /** Only shows the form: mail scanners open links, and opening must not use one up. */
  @AnonymousPage()
  @Get('new')
  async linkForm(@Query('token') token: unknown, @PageContext() web: WebContext): Promise<Page> {
    const value = typeof token === 'string' ? token : '';
    const link = await this.invitations.check(value);
    if (!link) return linkGonePage(web).withStatus(410);
    return newPasswordPage({ context: web, token: value, link });
  }

  @AnonymousPage()
  @Post('new')
  async useLink(
    @Body() body: Record<string, unknown>,
    @PageContext() web: WebContext,
    @Req() request: PageRequest,
  ): Promise<PageResult> {
    const token = text(body, 'token');
    const link = await this.invitations.check(token);
    const gone = () => linkGonePage(web).withStatus(410);
    if (!link) return gone();
    const password = text(body, 'newPassword');
    const refuse = (error: string) =>
      newPasswordPage({ context: web, token, link, error }).withStatus(400);
    if (password.length < MIN_PASSWORD_LENGTH)
      return refuse(`Das neue Passwort braucht mindestens ${MIN_PASSWORD_LENGTH} Zeichen.`);
    if (password.length > 200) return refuse('Das neue Passwort darf höchstens 200 Zeichen haben.');
    if (password !== text(body, 'repeatPassword'))
      return refuse('Die beiden Passwörter stimmen nicht überein.');
    let userId: number;
    try {
      userId = await this.invitations.redeem(token, password);
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 410) return gone();
      throw error;
    }
    const user = await this.signIn.activeUser(userId);
    if (!user) return gone();
    return seeOther(startPage(user), await this.sessions.signInCookie(user.id, request.secure));
  }
}
