import { AccessTokenSigner } from './access-token.signer';

const subject = {
  id: 7,
  role: 'delegate',
  email: 'hb@bremen.de',
  name: 'HB',
  memberId: 6,
  memberCode: 'HB',
};

describe('access tokens', () => {
  const signer = new AccessTokenSigner('k'.repeat(32), 900);
  const now = new Date('2026-11-29T10:00:00Z');

  it('carries the account and expires after its lifetime', () => {
    const { token, expiresAt } = signer.sign(subject, now);
    expect(expiresAt).toBe('2026-11-29T10:15:00.000Z');
    expect(signer.verify(token, new Date('2026-11-29T10:14:59Z'))).toMatchObject({
      sub: 7,
      role: 'delegate',
      memberCode: 'HB',
    });
    expect(signer.verify(token, new Date('2026-11-29T10:15:00Z'))).toBeUndefined();
  });

  it('refuses a token signed with another key or changed after signing', () => {
    const { token } = signer.sign(subject, now);
    expect(new AccessTokenSigner('x'.repeat(32)).verify(token, now)).toBeUndefined();
    const [header, body, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(body, 'base64url').toString()),
        role: 'secretariat',
      }),
    ).toString('base64url');
    expect(signer.verify(`${header}.${forged}.${signature}`, now)).toBeUndefined();
    expect(signer.verify('not.a.token', now)).toBeUndefined();
  });
});
