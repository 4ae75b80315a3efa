import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import { AccountsService } from '@app/accounts';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '@app/persistence';
import { PageController } from '../page-controller.decorator';
import { PageError } from '../page-error';
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
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  async show(
    @Query('saved') saved: unknown,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): Promise<void> {
    const user = signedIn(request);
    const account = await this.accounts.view(user.id);
    const status = saved
      ? `Gespeichert: Zusammenfassung ${DIGEST_LABELS[account.digestFrequency]}.`
      : undefined;
    sendPage(response, settingsPage({ context: context(request), account, status }));
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
