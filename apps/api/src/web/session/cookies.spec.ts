import { parseCookies, serializeCookie } from './cookies';

describe('session cookies', () => {
  it('are httpOnly and SameSite=Lax, and Secure only over https', () => {
    const plain = serializeCookie('mt_session', 'a.b', { maxAgeSeconds: 60, secure: false });
    expect(plain).toBe('mt_session=a.b; Path=/; Max-Age=60; HttpOnly; SameSite=Lax');
    const secure = serializeCookie('mt_session', 'a.b', { maxAgeSeconds: 60, secure: true });
    expect(secure).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
  });

  it('reads a Cookie header, the first of two equal names winning, and skips broken values', () => {
    const cookies = parseCookies('a=1; mt_session=x%2Ey; mt_session=later; broken=%E0%A4%A; =z');
    expect(cookies.get('a')).toBe('1');
    expect(cookies.get('mt_session')).toBe('x.y');
    expect(cookies.has('broken')).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
  });
});
