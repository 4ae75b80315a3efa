import request from 'supertest';
import type { ApiFixture } from './api-app';

export type Agent = ReturnType<typeof request.agent>;

/** A browser-like client over HTTP: keeps the session cookie, reads each form's CSRF token. */
export async function signInAgent(
  api: ApiFixture,
  email: string,
  password: string,
): Promise<Agent> {
  const agent = request.agent(api.app.getHttpServer());
  const form = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send({ email, password, _csrf: csrfOf(form.text) })
    .expect(303);
  return agent;
}

/** The CSRF token of a page's forms ('' when it has none). */
export function csrfOf(page: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
}
