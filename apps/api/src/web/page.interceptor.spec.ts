import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, of } from 'rxjs';
import { Page, seeOther } from './page';
import { encodeLocation, PageInterceptor } from './page.interceptor';

function sent(result: unknown) {
  const headers: Record<string, string> = {};
  const context = {
    switchToHttp: () => ({
      getResponse: () => ({ setHeader: (name: string, value: string) => (headers[name] = value) }),
    }),
  } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(result) };
  return {
    answer: lastValueFrom(new PageInterceptor().intercept(context, next)) as Promise<unknown>,
    headers,
  };
}

describe('the page interceptor', () => {
  it('sends a page as HTML that no cache keeps, with the status the handler gave it', async () => {
    const answer = (await sent(new Page('<p>ä</p>').withStatus(422)).answer) as Response;
    expect(answer).toBeInstanceOf(Response);
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('content-length')).toBe('9');
    expect(await answer.text()).toBe('<p>ä</p>');
  });

  it('sends "see other" with its address and replaces the session cookie', async () => {
    const { answer, headers } = sent(seeOther('/import?discarded=Protokoll ä.pdf', 'mt_session=x'));
    const response = (await answer) as Response;
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/import?discarded=Protokoll%20%C3%A4.pdf');
    expect(headers['Set-Cookie']).toBe('mt_session=x');
  });

  it('leaves anything else (JSON for the script, files) to Nest', async () => {
    const json = { status: 'done' };
    expect(await sent(json).answer).toBe(json);
  });
});

describe('a redirect address', () => {
  it('is encoded as Express encodes it, escapes kept and the path never normalised', () => {
    expect(encodeLocation('/users?invited=a%40b.de')).toBe('/users?invited=a%40b.de');
    expect(encodeLocation('/x?q=50%')).toBe('/x?q=50%25');
    expect(encodeLocation('/a b"<>')).toBe('/a%20b%22%3C%3E');
    expect(encodeLocation('/.//elsewhere')).toBe('/.//elsewhere');
    expect(encodeLocation('/\uD800')).toBe('/%EF%BF%BD');
  });
});
