import { Body, Get, HttpException, Post, Query, Req } from '@nestjs/common';
import { SignInService, UsersService, type AuthUser } from '@app/accounts';
import { seeOther, type Page, type PageResult, type SeeOther } from '../page';
import { PageController } from '../page-controller.decorator';
import { PageContext } from '../page-params.decorators';
import { AnonymousPage } from '../session/page-access.decorators';
import { WebSessionService } from '../session/web-session.service';
import { localPath, type PageRequest, type WebContext } from '../web-http';
import { signInPage, signOutPage } from './sign-in.view';

/** Where a user lands after signing in: delegates at their own list, everyone else at the overview. */
export function startPage(user: AuthUser): string {
  return user.role === 'delegate' ? '/me' : '/overview';
}

const WRONG = 'E-Mail-Adresse oder Passwort ist falsch.';

@PageController()
export class SignInController {
  constructor(
    private readonly signInService: SignInService,
    private readonly users: UsersService,
    private readonly sessions: WebSessionService,
  ) {}

  @AnonymousPage()
  @Get()
  home(@PageContext() web: WebContext): SeeOther {
    return seeOther(web.user ? startPage(web.user) : '/login');
  }

  @AnonymousPage()
  @Get('login')
  form(
    @PageContext() web: WebContext,
    @Query('next') next: unknown,
    @Query('signedOut') signedOut: unknown,
  ): PageResult {
    if (web.user) return seeOther(localPath(next, startPage(web.user)));
    return signInPage({
      context: web,
      next: localPath(next, ''),
      status: signedOut ? 'Sie haben sich abgemeldet.' : undefined,
    });
  }

  @AnonymousPage()
  @Post('login')
  async signIn(
    @PageContext() web: WebContext,
    @Req() request: PageRequest,
    @Body() body: Record<string, unknown>,
  ): Promise<PageResult> {
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = localPath(body.next, '');
    const refuse = (error: string, status: number): Page =>
      signInPage({ context: web, next, email, error }).withStatus(status);
    if (!email || !password) return refuse('Bitte geben Sie E-Mail-Adresse und Passwort ein.', 400);
    try {
      // The API's sign-in checks the password, throttles guessing and records failures; its
      // access token is not needed here, the page session takes its place.
      await this.signInService.login(email, password, request.ip ?? 'unknown');
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 429) {
        const seconds = Number(/(\d+) seconds/.exec(String(error.message))?.[1] ?? 900);
        const minutes = Math.max(1, Math.ceil(seconds / 60));
        return refuse(
          `Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut.`,
          429,
        );
      }
      if (error instanceof HttpException && error.getStatus() === 401) return refuse(WRONG, 401);
      throw error;
    }
    const account = await this.users.findByEmail(email);
    const user = await this.signInService.activeUser(account.id);
    if (!user) return refuse(WRONG, 401);
    return seeOther(
      next || startPage(user),
      await this.sessions.signInCookie(user.id, request.secure),
    );
  }

  @AnonymousPage()
  @Get('logout')
  confirm(@PageContext() web: WebContext): Page {
    return signOutPage(web);
  }

  @AnonymousPage()
  @Post('logout')
  async signOut(@PageContext() web: WebContext, @Req() request: PageRequest): Promise<SeeOther> {
    // Ended on the server, not only in this browser: a copy of the cookie is void too.
    await this.sessions.end(web.session);
    return seeOther('/login?signedOut=1', this.sessions.clearCookie(request.secure));
  }
}
