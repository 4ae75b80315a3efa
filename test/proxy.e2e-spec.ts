import { AuditEvent } from '@app/persistence';
import { ADMIN, startApi, type ApiFixture } from './support/api-app';

const CLIENT = '203.0.113.7';

/** Signs in through the page with the given headers; the session cookie it is given. */
async function pageSignIn(api: ApiFixture, headers: Record<string, string>): Promise<string> {
  const form = await api.http().get('/login').set(headers).expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
  const cookies = ([] as string[]).concat(form.headers['set-cookie'] ?? []);
  const res = await api
    .http()
    .post('/login')
    .set(headers)
    .set('Cookie', cookies.map((c) => c.split(';')[0]).join('; '))
    .type('form')
    .send({ email: ADMIN.email, password: ADMIN.password, _csrf: csrf })
    .expect(303);
  return ([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n');
}

async function failedSignInAddress(api: ApiFixture, email: string): Promise<unknown> {
  await api
    .http()
    .post('/api/auth/login')
    .set('X-Forwarded-For', CLIENT)
    .send({ email, password: 'not-the-password' })
    .expect(401);
  const event = await api.db.dataSource.manager.findOneOrFail(AuditEvent, {
    where: { action: 'auth.login_failed', actor: email },
    order: { id: 'DESC' },
  });
  return (event.after as { address?: string } | null)?.address;
}

// Which client a request comes from, and whether it came over https, behind a reverse proxy.
describe('behind a reverse proxy', () => {
  describe('without TRUST_PROXY', () => {
    let api: ApiFixture;
    beforeAll(async () => {
      api = await startApi('sqlite', { TRUST_PROXY: '' });
    });
    afterAll(() => api.close());

    it('believes no X-Forwarded-* header: the peer is the client, plain http stays plain', async () => {
      expect(await failedSignInAddress(api, 'nobody-1@fitko.test')).not.toBe(CLIENT);
      const page = await api.http().get('/login').set('X-Forwarded-Proto', 'https').expect(200);
      expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(await pageSignIn(api, { 'X-Forwarded-Proto': 'https' })).not.toMatch(/;\s*Secure/i);
    });
  });

  describe('with TRUST_PROXY=loopback', () => {
    let api: ApiFixture;
    beforeAll(async () => {
      api = await startApi('sqlite', { TRUST_PROXY: 'loopback' });
    });
    afterAll(() => api.close());

    it('records the forwarded client address of a failed sign-in', async () => {
      expect(await failedSignInAddress(api, 'nobody-2@fitko.test')).toBe(CLIENT);
    });

    it('gives a Secure session cookie when the proxy says https', async () => {
      const page = await api.http().get('/login').set('X-Forwarded-Proto', 'https').expect(200);
      expect(page.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(await pageSignIn(api, { 'X-Forwarded-Proto': 'https' })).toMatch(/;\s*Secure/i);
    });

    it('throttles sign-in failures per client, not for everyone behind the proxy', async () => {
      const attempt = (from: string, n: number) =>
        api
          .http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', from)
          .send({ email: `guess-${from}-${n}@fitko.test`, password: 'not-the-password' });
      // 50 failures from one client, each on another account (under the per-account limit).
      for (let n = 0; n < 50; n++) expect((await attempt('198.51.100.1', n)).status).toBe(401);
      expect((await attempt('198.51.100.1', 50)).status).toBe(429);
      expect((await attempt('198.51.100.2', 0)).status).toBe(401);
      await api
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.100.3')
        .send(ADMIN)
        .expect(200);
    });
  });
});
