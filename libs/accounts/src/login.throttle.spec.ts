import { LoginThrottle } from './login.throttle';

describe('sign-in throttle', () => {
  const t0 = 1_000_000;

  it('blocks an account after five failures for the rest of the window', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 5; i++) throttle.fail(['email:a@x.de', 'ip:1.2.3.4'], t0 + i);
    expect(throttle.retryAfter(['email:a@x.de', 'ip:1.2.3.4'], t0 + 10)).toBe(900);
    expect(throttle.retryAfter(['email:b@x.de', 'ip:1.2.3.4'], t0 + 10)).toBe(0);
    expect(throttle.retryAfter(['email:a@x.de'], t0 + 15 * 60 * 1000 + 5)).toBe(0);
  });

  it('blocks an address only after many failures, and forgets an account on success', () => {
    const throttle = new LoginThrottle();
    for (let i = 0; i < 49; i++) throttle.fail([`email:u${i}@x.de`, 'ip:9.9.9.9'], t0);
    expect(throttle.retryAfter(['ip:9.9.9.9'], t0)).toBe(0);
    throttle.fail(['email:last@x.de', 'ip:9.9.9.9'], t0);
    expect(throttle.retryAfter(['ip:9.9.9.9'], t0)).toBeGreaterThan(0);
    throttle.succeed(['email:u1@x.de']);
    expect(throttle.retryAfter(['email:u1@x.de'], t0)).toBe(0);
  });
});
