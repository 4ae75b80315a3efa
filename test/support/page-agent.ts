import request from 'supertest';
import type { ApiFixture } from './api-app';

export type PageAgent = ReturnType<typeof request.agent>;

/** The CSRF token of a page's forms. */
export function csrfOf(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!match) throw new Error('no CSRF token in the page');
  return match[1];
}

/** A browser-like client over HTTP, signed in on the pages: it keeps the session cookie. */
export async function signedInAgent(
  api: ApiFixture,
  email: string,
  password: string,
): Promise<PageAgent> {
  const agent = request.agent(api.app.getHttpServer());
  const form = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send({ email, password, _csrf: csrfOf(form.text) })
    .expect(303);
  return agent;
}
