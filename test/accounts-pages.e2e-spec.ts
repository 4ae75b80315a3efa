import request from 'supertest';
import { ApiToken, OneTimeLink, User } from '@app/persistence';
import { ADMIN, PASSWORD, startApi, type ApiFixture } from './support/api-app';
import { decodedMail, linkIn } from './support/mail-links';
import { SmtpTestServer } from './support/smtp-test-server';
import { signIn, submitForm } from './support/web-agent';
import { DATABASES } from './support/test-database';
import { until } from './support/until';

// Scrypt hashing, several app starts and mail round trips: generous on a loaded 2-core machine.
jest.setTimeout(90_000);

const PUBLIC_URL = 'https://tracker.example.de';

/** Opens a one-time link in a fresh browser and sets the password; the browser is then signed in. */
async function useLink(api: ApiFixture, link: string, password: string) {
  const agent = request.agent(api.app.getHttpServer());
  const path = link.slice(PUBLIC_URL.length);
  const form = await agent.get(path).expect(200);
  const token = new URL(link).searchParams.get('token') ?? '';
  const res = await submitForm(agent, '/password/new', form.text, {
    token,
    newPassword: password,
    repeatPassword: password,
  });
  return { agent, res, path, token };
}

/**
 * A new delegate of Bremen's calendar feed, asked for under another Host, and the weekly digest
 * mailed to it (the secretariat runs the job), as text.
 */
async function feedAndDigest(api: ApiFixture, smtp: SmtpTestServer) {
  const { email, auth } = await api.userWithRole('delegate', 'HB');
  const calendar = await api
    .as(auth)
    .post('/api/me/tokens')
    .send({ name: 'Kalender', kind: 'calendar' })
    .expect(201);
  const feed = await api
    .http()
    .get(`/api/members/HB/calendar.ics?token=${calendar.body.token as string}`)
    .set('Host', 'localhost:9999')
    .expect(200);
  await api
    .as(await api.bearer(ADMIN.email, ADMIN.password))
    .post('/api/jobs/digests-weekly/run')
    .send({ now: '2020-10-26T06:00:00Z' })
    .expect(202);
  const mails = () => smtp.received.filter((m) => m.to.includes(email));
  await until(() => mails().length === 1, 30_000, 'the digest');
  return { feed: feed.text, digest: decodedMail(mails()[0]) };
}

describe.each(DATABASES)('invitations, forgotten passwords and the audit page on %s', (kind) => {
  let api: ApiFixture;
  let smtp: SmtpTestServer;

  const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    api = await startApi(kind, { SMTP_URL: smtp.url, PUBLIC_URL: `${PUBLIC_URL}/` });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  it('invites a delegate by mail; the link sets a password, signs in once and never again', async () => {
    const admin = await signIn(api, ADMIN.email, ADMIN.password);
    const page = await admin.get('/users').expect(200);
    const sent = await submitForm(admin, '/users', page.text, {
      email: 'Erika@Bremen.de',
      name: 'Erika Muster',
      role: 'delegate',
      member: 'HB',
    }).expect(303);
    expect(sent.headers.location).toBe('/users?invited=erika%40bremen.de');
    await until(() => mailsTo('erika@bremen.de').length === 1, 15_000, 'the invitation');
    const mail = mailsTo('erika@bremen.de')[0];
    expect(decodedMail(mail)).toContain('Guten Tag Erika Muster');
    const link = linkIn(mail, PUBLIC_URL);
    expect(link).toMatch(/^https:\/\/tracker\.example\.de\/password\/new\?token=[\w-]{40,}$/);
    // The token is stored only hashed.
    const stored = await api.db.dataSource.getRepository(OneTimeLink).find();
    expect(JSON.stringify(stored)).not.toContain(new URL(link).searchParams.get('token'));

    const { agent, res, path } = await useLink(api, link, 'erikas-eigenes-passwort');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/me');
    const mine = await agent.get('/me').expect(200);
    expect(mine.text).toContain('Erika Muster');
    // The same link again: gone, and it changes nothing.
    await request(api.app.getHttpServer()).get(path).expect(410);
    const again = await useLink(api, link, 'noch-ein-anderes-passwort').catch((e: Error) => e);
    expect(again).toBeInstanceOf(Error);
    await api.bearer('erika@bremen.de', 'erikas-eigenes-passwort');

    const users = await admin.get('/users').expect(200);
    expect(users.text).toMatch(/Erika Muster[\s\S]*?Delegation HB[\s\S]*?aktiv/);
    const audit = await admin.get('/audit?action=user.invitation_accepted').expect(200);
    const accepted = /<tbody>([\s\S]*)<\/tbody>/.exec(audit.text)?.[1] ?? '';
    expect(accepted).toContain('Einladung angenommen');
    expect(accepted).toContain('erika@bremen.de');
    expect(audit.text).toContain('1 Einträge');
  });

  it('refuses a link that has expired', async () => {
    const admin = await signIn(api, ADMIN.email, ADMIN.password);
    const page = await admin.get('/users').expect(200);
    await submitForm(admin, '/users', page.text, {
      email: 'spaet@bund.de',
      name: 'Spät',
      role: 'observer',
    }).expect(303);
    await until(() => mailsTo('spaet@bund.de').length === 1, 15_000, 'the invitation');
    const link = linkIn(mailsTo('spaet@bund.de')[0], PUBLIC_URL);
    const user = await api.db.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'spaet@bund.de' });
    await api.db.dataSource
      .getRepository(OneTimeLink)
      .update({ userId: user.id }, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    const gone = await request(api.app.getHttpServer())
      .get(link.slice(PUBLIC_URL.length))
      .expect(410);
    expect(gone.text).toContain('Dieser Link gilt nicht mehr');
  });

  it('refuses an invitation with a German message naming the problem, and creates nothing', async () => {
    const admin = await signIn(api, ADMIN.email, ADMIN.password);
    const page = await admin.get('/users').expect(200);
    const before = await api.db.dataSource.getRepository(User).count();
    const invite = (fields: Record<string, string>) =>
      submitForm(admin, '/users', page.text, { email: 'x@bremen.de', name: 'X', ...fields });
    const noMember = await invite({ role: 'delegate', member: '' }).expect(400);
    expect(noMember.text).toContain('Eine Delegation gehört zu einem Mitglied');
    const unknown = await invite({ role: 'delegate', member: 'XX' }).expect(400);
    expect(unknown.text).toContain('Das Mitglied XX ist unbekannt.');
    const twice = await invite({ email: ADMIN.email, role: 'observer' }).expect(409);
    expect(twice.text).toContain(`Zu ${ADMIN.email} gibt es schon ein Konto.`);
    expect(await api.db.dataSource.getRepository(User).count()).toBe(before);
  });

  it('keeps the last active secretariat account: demoting it is refused in German (409)', async () => {
    const admin = await signIn(api, ADMIN.email, ADMIN.password);
    const me = await api.accounts.findByEmail(ADMIN.email);
    const page = await admin.get(`/users/${me.id}`).expect(200);
    const refused = await submitForm(admin, `/users/${me.id}`, page.text, {
      role: 'observer',
      member: '',
      active: '1',
    }).expect(409);
    expect(refused.text).toContain('ist das letzte aktive Konto der Geschäftsstelle');
    expect((await api.accounts.view(me.id)).role).toBe('secretariat');
  });

  it('disables and enables an account from its page', async () => {
    const { email } = await api.userWithRole('observer');
    const admin = await signIn(api, ADMIN.email, ADMIN.password);
    const user = await api.accounts.findByEmail(email);
    const page = await admin.get(`/users/${user.id}`).expect(200);
    await submitForm(admin, `/users/${user.id}`, page.text, {
      role: 'observer',
      member: '',
    }).expect(303);
    expect((await api.accounts.view(user.id)).active).toBe(false);
    await expect(api.bearer(email)).rejects.toThrow(/401/);
    await submitForm(admin, `/users/${user.id}`, page.text, {
      role: 'observer',
      member: '',
      active: '1',
    }).expect(303);
    await api.bearer(email);
  });

  it('answers "Passwort vergessen" alike for known and unknown addresses; the link ends other sign-ins', async () => {
    const { email } = await api.userWithRole('delegate', 'NW');
    const personal = await api
      .http()
      .post('/api/me/tokens')
      .set('Authorization', await api.bearer(email))
      .send({ name: 'Skript' })
      .expect(201);
    const old = await signIn(api, email, PASSWORD);
    await old.get('/me').expect(200);

    const ask = async (address: string) => {
      const agent = request.agent(api.app.getHttpServer());
      const form = await agent.get('/password/forgotten').expect(200);
      return submitForm(agent, '/password/forgotten', form.text, { email: address });
    };
    const known = await ask(email);
    const unknown = await ask('niemand@nirgends.de');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.text.replace(/value="[^"]*"/g, '')).toBe(
      unknown.text.replace(/value="[^"]*"/g, ''),
    );
    const api202 = await api
      .http()
      .post('/api/auth/password-reset')
      .send({ email: 'niemand@nirgends.de' })
      .expect(202);
    expect(api202.body.message).toContain('Wenn zu dieser Adresse ein Konto gehört');
    await until(() => mailsTo(email).length === 1, 15_000, 'the link for a new password');
    expect(mailsTo('niemand@nirgends.de')).toHaveLength(0);

    const link = linkIn(mailsTo(email)[0], PUBLIC_URL);
    const { agent, res } = await useLink(api, link, 'ein-ganz-neues-passwort');
    expect(res.status).toBe(303);
    await agent.get('/me').expect(200);
    // Every other sign-in of the account ends: the other browser, the personal token, the old password.
    const out = await old.get('/me').expect(303);
    expect(out.headers.location).toMatch(/^\/login/);
    await api
      .http()
      .get('/api/me')
      .set('Authorization', `Bearer ${personal.body.token as string}`)
      .expect(401);
    const token = await api.db.dataSource
      .getRepository(ApiToken)
      .findOneByOrFail({ id: personal.body.view.id as number });
    expect(token.revokedAt).not.toBeNull();
    await expect(api.bearer(email)).rejects.toThrow(/401/);
    await api.bearer(email, 'ein-ganz-neues-passwort');
  });

  it('throttles "Passwort vergessen": the fourth request for an address in 15 minutes waits', async () => {
    for (let i = 0; i < 3; i++)
      await api.http().post('/api/auth/password-reset').send({ email: 'oft@test.de' }).expect(202);
    const refused = await api
      .http()
      .post('/api/auth/password-reset')
      .send({ email: 'oft@test.de' })
      .expect(429);
    expect(refused.body.message).toMatch(/Zu viele Anfragen/);
  });

  it('invites through the API as well', async () => {
    const auth = await api.bearer(ADMIN.email, ADMIN.password);
    const res = await api
      .http()
      .post('/api/users/invitations')
      .set('Authorization', auth)
      .send({ email: 'api@bund.de', name: 'Per API', role: 'observer' })
      .expect(201);
    expect(res.body).toMatchObject({ email: 'api@bund.de', role: 'observer', lastLoginAt: null });
    expect(res.body.password).toBeUndefined();
    await until(() => mailsTo('api@bund.de').length === 1, 15_000, 'the invitation');
    await api
      .http()
      .post(`/api/users/${res.body.id as number}/invitation`)
      .set('Authorization', auth)
      .expect(201);
    await until(() => mailsTo('api@bund.de').length === 2, 15_000, 'the second invitation');
    // The first link no longer works once a second one is sent.
    const first = linkIn(mailsTo('api@bund.de')[0], PUBLIC_URL);
    await request(api.app.getHttpServer()).get(first.slice(PUBLIC_URL.length)).expect(410);
    const second = linkIn(mailsTo('api@bund.de')[1], PUBLIC_URL);
    await request(api.app.getHttpServer()).get(second.slice(PUBLIC_URL.length)).expect(200);
  });

  it('filters the audit page by actor, action, entity and days; an unknown filter is a 400', async () => {
    const admin = await signIn(api, ADMIN.email, ADMIN.password);
    const byAdmin = await admin
      .get(`/audit?actor=${encodeURIComponent(ADMIN.email)}&action=user.invite&entity=user`)
      .expect(200);
    const rows = /<tbody>([\s\S]*)<\/tbody>/.exec(byAdmin.text)?.[1] ?? '';
    expect(rows).toContain('Einladung verschickt');
    expect(rows).not.toContain('Einladung angenommen');
    expect(rows).not.toContain('Konto angelegt');
    const today = new Date().toISOString().slice(0, 10);
    const none = await admin.get(`/audit?to=2000-01-01`).expect(200);
    expect(none.text).toContain('0 Einträge');
    const some = await admin.get(`/audit?from=${today}&to=${today}`).expect(200);
    expect(some.text).not.toContain('>0 Einträge');
    const bad = await admin.get('/audit?action=user.delete_everything').expect(400);
    expect(bad.text).toContain('Die Aktion „user.delete_everything“ gibt es nicht.');
    await admin.get('/audit?from=gestern').expect(400);
    const { email } = await api.userWithRole('delegate', 'HB');
    const delegate = await signIn(api, email, PASSWORD);
    await delegate.get('/audit').expect(403);
    await delegate.get('/users').expect(403);
  });

  it('puts the one PUBLIC_URL into digest links and feed links, whatever Host a request names', async () => {
    const { feed, digest } = await feedAndDigest(api, smtp);
    expect(feed).toContain(`${PUBLIC_URL}/mandates/`);
    expect(feed).not.toContain('localhost');
    expect(digest).toContain(`${PUBLIC_URL}/mandates/`);
    expect(digest).toContain(`${PUBLIC_URL}/settings`);
    expect(digest).not.toContain('127.0.0.1');
  });
});

describe('links without PUBLIC_URL', () => {
  let api: ApiFixture;
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    api = await startApi('sqlite', { SMTP_URL: smtp.url, PORT: '3456' });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await smtp?.stop();
  });

  it('gives feeds and digests the same base, not the Host a request names', async () => {
    const { feed, digest } = await feedAndDigest(api, smtp);
    expect(feed).toContain('http://127.0.0.1:3456/mandates/');
    expect(feed).not.toContain('localhost');
    expect(digest).toContain('http://127.0.0.1:3456/mandates/');
  });
});
