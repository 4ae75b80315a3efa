import { Body, Get, HttpException, Post, Query, Req, Res } from '@nestjs/common';
import { AccountsService } from '@app/accounts';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '@app/persistence';
import { PageController } from '../page-controller.decorator';
import { PageError } from '../page-error';
import { WebSessionService } from '../session/web-session.service';
import {
  context,
  redirectAfterPost,
  sendPage,
  signedIn,
  type WebRequest,
  type WebResponse,
} from '../web-http';
import { DIGEST_LABELS, settingsPage } from './settings.view';

@PageController('settings')
export class SettingsPageController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: WebSessionService,
  ) {}

  @Get()
  async show(
    @Query('saved') saved: unknown,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const account = await this.accounts.view(user.id);
    const status =
      saved === 'password'
        ? 'Ihr Passwort ist geändert. Überall sonst sind Sie abgemeldet.'
        : saved
          ? `Gespeichert: Zusammenfassung ${DIGEST_LABELS[account.digestFrequency]}.`
          : undefined;
    sendPage(response, settingsPage({ context: context(request), account, status }));
  }

  @Post('password')
  async changePassword(
    @Body() body: Record<string, unknown>,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const current = text('currentPassword');
    const next = text('newPassword');
    const refuse = async (status: number, passwordError: string) => {
      const account = await this.accounts.view(user.id);
      response.status(status);
      sendPage(response, settingsPage({ context: context(request), account, passwordError }));
    };
    if (!current || !next)
      return refuse(400, 'Bitte geben Sie das jetzige und das neue Passwort ein.');
    if (next.length < 12) return refuse(400, 'Das neue Passwort braucht mindestens 12 Zeichen.');
    if (next.length > 200)
      return refuse(400, 'Das neue Passwort darf höchstens 200 Zeichen haben.');
    if (next !== text('repeatPassword'))
      return refuse(400, 'Die beiden neuen Passwörter stimmen nicht überein.');
    try {
      await this.accounts.changeOwnPassword(user.id, current, next, user);
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
    const session = await this.sessions.begin(user.id);
    response.setHeader('Set-Cookie', this.sessions.setCookie(session, request.secure));
    redirectAfterPost(response, '/settings?saved=password');
  }

  @Post()
  async save(
    @Body() body: Record<string, unknown>,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const frequency = body.digestFrequency;
    if (!(DIGEST_FREQUENCIES as readonly unknown[]).includes(frequency))
      throw new PageError(
        400,
        'Bitte wählen Sie, wie oft Sie die Zusammenfassung bekommen möchten.',
      );
    await this.accounts.updateUser(
      user.id,
      { digestFrequency: frequency as DigestFrequency },
      user,
    );
    redirectAfterPost(response, '/settings?saved=1');
  }
}
