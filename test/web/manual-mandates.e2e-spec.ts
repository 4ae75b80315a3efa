import { IsNull, Not } from 'typeorm';
import { Mandate, Obligation, Resolution } from '@app/persistence';
import { ADMIN, startApi, type ApiFixture } from '../support/api-app';
import {
  HAS_CHROMIUM,
  openBrowser,
  warnWithoutChromium,
  type BrowserKit,
} from '../support/browser';

warnWithoutChromium('manual-mandates');

// Registered only where the browser is: the warning above says why it did not run.
(HAS_CHROMIUM ? describe : describe.skip)('mandates by hand in chromium', () => {
  let api: ApiFixture;
  let browser: BrowserKit;

  beforeAll(async () => {
    api = await startApi('sqlite');
    await api.app.listen(0, '127.0.0.1');
    browser = await openBrowser(api.app);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  }, 60_000);

  const mandates = () => api.db.dataSource.getRepository(Mandate);

  it('the secretariat adds a mandate on a decision page; it gets one open obligation per owner', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${browser.base}/sessions/32`);
    await page.getByRole('link', { name: '2020/28', exact: true }).click();
    await page.waitForURL(/\/decisions\//);
    await browser.check(page, 'decision');

    const form = page.locator('#add-mandate');
    await form.getByText('Auftrag von Hand anlegen').click();
    await form.getByLabel('Ziffer des Beschlusses').fill('1');
    await form.getByLabel('Zuständig').fill('FITKO, Bremen');
    await form.getByLabel('Was ist zu tun?').fill('die Stellungnahme der BAköV auswerten');
    await form.getByLabel('Art der Frist').selectOption('meeting');
    await form.getByLabel('Sitzung').fill('34');
    await browser.check(page, 'decision-add-form');
    await form.getByRole('button', { name: 'Auftrag anlegen' }).click();
    await page.waitForURL(/\/mandates\/\d+\?done=created$/);
    await page.locator('#status', { hasText: 'Der Auftrag wurde angelegt' }).waitFor();
    await browser.check(page, 'mandate-added');

    const id = Number(/\/mandates\/(\d+)/.exec(page.url())?.[1]);
    const stored = await mandates().findOneByOrFail({ id });
    expect(stored).toMatchObject({
      origin: 'manual',
      owners: ['FITKO', 'HB'],
      action: 'die Stellungnahme der BAköV auswerten',
      dueKind: 'meeting',
      dueMeeting: 34,
      point: 1,
    });
    const obligations = await api.db.dataSource
      .getRepository(Obligation)
      .find({ where: { mandateId: id }, order: { id: 'ASC' } });
    expect(obligations.map((o) => [o.owner, o.status])).toEqual([
      ['FITKO', 'open'],
      ['HB', 'open'],
    ]);
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('von Hand angelegt');

    // Back on the decision page, it is listed with the others.
    await page.goto(`${browser.base}/decisions/2020%2F28`);
    await expect(page.locator('#decision-mandates').textContent()).resolves.toContain(
      'die Stellungnahme der BAköV auswerten',
    );

    // On a session's page the decision is chosen from the session's decisions.
    await page.goto(`${browser.base}/sessions/32`);
    const onSession = page.locator('#add-mandate');
    await onSession.getByText('Auftrag von Hand anlegen').click();
    await onSession.getByLabel('Beschluss', { exact: true }).selectOption('2020/36');
    await onSession.getByLabel('Ziffer des Beschlusses').fill('1');
    await onSession.getByLabel('Zuständig').fill('Strategiegremium');
    await onSession.getByLabel('Was ist zu tun?').fill('an der Projektplanung mitwirken');
    await onSession.getByLabel('Art der Frist').selectOption('none');
    await browser.check(page, 'session-add-form');
    await onSession.getByRole('button', { name: 'Auftrag anlegen' }).click();
    await page.waitForURL(/\/mandates\/\d+\?done=created$/);
    const second = await mandates().findOneByOrFail({ action: 'an der Projektplanung mitwirken' });
    expect(second).toMatchObject({
      origin: 'manual',
      owners: ['Strategiegremium'],
      dueKind: 'none',
    });
  }, 120_000);

  it('the secretariat corrects and then withdraws a mandate on its page; it leaves the lists and says why', async () => {
    const r28 = await api.db.dataSource
      .getRepository(Resolution)
      .findOneByOrFail({ code: '2020/28' });
    const target = await mandates().findOneByOrFail({
      resolutionId: r28.id,
      point: 3,
      origin: 'extracted',
    });
    const page = await browser.newPage();
    await browser.signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`${browser.base}/mandates/${target.id}`);

    const edit = page.locator('#edit-mandate');
    await edit.getByText('Auftrag bearbeiten').click();
    await edit.getByLabel('Zuständig').fill('AG InfoSic, FITKO');
    await edit.getByLabel('Was ist zu tun?').fill('einen Übergang vorschlagen');
    await edit.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.waitForURL(/\?done=edited$/);
    await page.locator('#status', { hasText: 'gespeichert' }).waitFor();
    const edited = await mandates().findOneByOrFail({ id: target.id });
    expect(edited.action).toBe('einen Übergang vorschlagen');
    expect(edited.owners).toContain('FITKO');
    expect(edited.corrected).toBe(true);
    // The deadline was not touched by the form, so it is not marked as corrected.
    expect(edited.dueText).toBe(target.dueText);

    page.on('dialog', (dialog) => void dialog.accept());
    const withdraw = page.locator('#withdraw-mandate');
    await withdraw.getByText('Auftrag zurückziehen').click();
    await withdraw.getByLabel('Grund').fill('Doppelt erfasst: steht schon in Beschluss 2020/29.');
    await browser.check(page, 'mandate-withdraw-form');
    await withdraw.getByRole('button', { name: 'Zurückziehen' }).click();
    await page.waitForURL(/\?done=withdrawn$/);
    await expect(page.locator('#withdrawn').textContent()).resolves.toContain(
      'Doppelt erfasst: steht schon in Beschluss 2020/29.',
    );
    await expect(page.locator('h1').textContent()).resolves.toContain('(zurückgezogen)');
    expect(await page.locator('#edit-mandate').count()).toBe(0);
    await browser.check(page, 'mandate-withdrawn');
    expect(await mandates().countBy({ id: target.id, withdrawnAt: Not(IsNull()) })).toBe(1);

    await page.goto(`${browser.base}/decisions/2020%2F28`);
    await expect(page.locator('main').textContent()).resolves.not.toContain(
      'einen Übergang vorschlagen',
    );
    await page.goto(`${browser.base}/overview?q=%C3%9Cbergang%20vorschlagen`);
    await expect(page.locator('main').textContent()).resolves.not.toContain(
      'einen Übergang vorschlagen',
    );
  }, 120_000);

  it('a delegate sees neither form', async () => {
    const { email } = await api.userWithRole('delegate', 'HB');
    const page = await browser.newPage();
    await browser.signIn(page, email);
    await page.goto(`${browser.base}/decisions/2020%2F28`);
    expect(await page.locator('#add-mandate').count()).toBe(0);
    const hb = await api.db.dataSource.getRepository(Obligation).findOneByOrFail({ owner: 'HB' });
    await page.goto(`${browser.base}/mandates/${hb.mandateId}`);
    expect(await page.locator('#edit-mandate, #withdraw-mandate').count()).toBe(0);
  }, 60_000);
});
