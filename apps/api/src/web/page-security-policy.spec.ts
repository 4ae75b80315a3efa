import type { NextFunction, Request, Response } from 'express';
import { pageSecurityHeaders } from './page-security-policy';

function policy(secure: boolean): string {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name] = value),
  } as unknown as Response;
  let called = false;
  pageSecurityHeaders({ secure } as Request, response, (() => (called = true)) as NextFunction);
  expect(called).toBe(true);
  return headers['Content-Security-Policy'];
}

describe('the pages’ security policy', () => {
  it('allows only our own script and styles, and asks for https only over https', () => {
    expect(policy(false)).toContain("script-src 'self'");
    expect(policy(false)).toContain("frame-ancestors 'none'");
    expect(policy(false)).not.toContain('upgrade-insecure');
    expect(policy(true)).toContain('upgrade-insecure-requests');
  });
});
