import { Body, Get, HttpException, Post, Query, Req, Res } from '@nestjs/common';
import { AccountsService, type AuthUser } from '@app/accounts';
import { PageController } from '../page-controller.decorator';
import { AnonymousPage } from '../session/page-access.decorators';
import { WebSessionService } from '../session/web-session.service';
import {
  context,
  localPath,
  redirectAfterPost,
  sendPage,
  type WebRequest,
  type WebResponse,
} from '../web-http';
import { signInPage, signOutPage } from './sign-in.view';

/** Where a user lands after signing in: delegates at their own list, everyone else at the overview. */
export function startPage(user: AuthUser): string {
  return user.role === 'delegate' ? '/me' : '/overview';
}

const WRONG = 'E-Mail-Adresse oder Passwort ist falsch.';

/**
 * Signs a browser in as the account: a new page session (a new id, so one planted before sign-in
 * is worth nothing after it) in the cookie. Every way of signing in on the pages ends here.
 */
/** A signed-in session (new id, its record on the server) and its cookie. */
export async function beginSignedInSession(
  sessions: WebSessionService,
  userId: number,
  request: WebRequest,
  response: WebResponse,
): Promise<void> {
  const session = await sessions.begin(userId);
  response.setHeader('Set-Cookie', sessions.setCookie(session, request.secure));
}

@PageController()
export class SignInController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: WebSessionService,
  ) {}

  @AnonymousPage()
  @Get()
  home(@Req() request: WebRequest, @Res() response: WebResponse): void {
    const user = context(request).user;
    response.redirect(303, user ? startPage(user) : '/login');
  }

  @AnonymousPage()
  @Get('login')
  form(
    @Req() request: WebRequest,
    @Res() response: WebResponse,
    @Query('next') next: unknown,
    @Query('signedOut') signedOut: unknown,
  ): void {
    const web = context(request);
    if (web.user) {
      response.redirect(303, localPath(next, startPage(web.user)));
      return;
    }
    sendPage(
      response,
      signInPage({
        context: web,
        next: localPath(next, ''),
        status: signedOut ? 'Sie haben sich abgemeldet.' : undefined,
      }),
    );
  }

  @AnonymousPage()
  @Post('login')
  async signIn(
    @Req() request: WebRequest,
    @Res() response: WebResponse,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const web = context(request);
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = localPath(body.next, '');
    const refuse = (error: string, status: number) =>
      sendPage(response, signInPage({ context: web, next, email, error }), status);
    if (!email || !password) {
      refuse('Bitte geben Sie E-Mail-Adresse und Passwort ein.', 400);
      return;
    }
    try {
      // The API's sign-in checks the password, throttles guessing and records failures; its
      // access token is not needed here, the page session takes its place.
      await this.accounts.login(email, password, request.ip ?? 'unknown');
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 429) {
        const seconds = Number(/(\d+) seconds/.exec(String(error.message))?.[1] ?? 900);
        const minutes = Math.max(1, Math.ceil(seconds / 60));
        refuse(
          `Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut.`,
          429,
        );
        return;
      }
      if (error instanceof HttpException && error.getStatus() === 401) {
        refuse(WRONG, 401);
        return;
      }
      throw error;
    }
    const account = await this.accounts.findByEmail(email);
    const user = await this.accounts.activeUser(account.id);
    if (!user) {
      refuse(WRONG, 401);
      return;
    }
    await beginSignedInSession(this.sessions, user.id, request, response);
    redirectAfterPost(response, next || startPage(user));
  }

  @AnonymousPage()
  @Get('logout')
  confirm(@Req() request: WebRequest, @Res() response: WebResponse): void {
    sendPage(response, signOutPage(context(request)));
  }

  @AnonymousPage()
  @Post('logout')
  async signOut(@Req() request: WebRequest, @Res() response: WebResponse): Promise<void> {
    // Ended on the server, not only in this browser: a copy of the cookie is void too.
    await this.sessions.end(context(request).session);
    response.setHeader('Set-Cookie', this.sessions.clearCookie(request.secure));
    redirectAfterPost(response, '/login?signedOut=1');
  }
}
