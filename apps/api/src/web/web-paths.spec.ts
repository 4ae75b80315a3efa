import type { WebRequest, WebResponse } from './web-http';
import { servePagesAtRoot } from './web-paths';

function route(url: string, secure = false) {
  const headers: Record<string, string> = {};
  const request = { url, secure } as WebRequest;
  const response = {
    setHeader: (name: string, value: string) => (headers[name] = value),
  } as unknown as WebResponse;
  let called = false;
  servePagesAtRoot(request, response, () => (called = true));
  return { url: request.url, page: request.webPage === true, headers, called };
}

describe('page addresses', () => {
  it('hands the page addresses to the page controllers, with their security policy', () => {
    expect(route('/')).toMatchObject({ url: '/api/web', page: true, called: true });
    expect(route('/?x=1').url).toBe('/api/web?x=1');
    expect(route('/me').url).toBe('/api/web/me');
    expect(route('/mandates/7?changed=3').url).toBe('/api/web/mandates/7?changed=3');
    expect(route('/me').headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect(route('/me').headers['Content-Security-Policy']).not.toContain('upgrade-insecure');
    expect(route('/me', true).headers['Content-Security-Policy']).toContain('upgrade-insecure');
  });

  it('leaves the API, its documentation and unknown addresses alone', () => {
    for (const url of ['/api/me', '/api/mandates/7', '/api/docs', '/favicon.ico', '/meetings']) {
      expect(route(url)).toMatchObject({ url, page: false, called: true, headers: {} });
    }
  });
});
