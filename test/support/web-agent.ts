import request from 'supertest';
import type { ApiFixture } from './api-app';

export type Agent = ReturnType<typeof request.agent>;

/** The CSRF token a page's forms carry. */
export function csrfIn(page: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
}

/** A browser-like client over HTTP: keeps the session cookie, reads each form's CSRF token. */
export async function signIn(api: ApiFixture, email: string, password: string): Promise<Agent> {
  const agent = request.agent(api.app.getHttpServer());
  const form = await agent.get('/login').expect(200);
  await agent
    .post('/login')
    .type('form')
    .send({ email, password, _csrf: csrfIn(form.text) })
    .expect(303);
  return agent;
}

/** Sends a form as the browser would from `page`: the fields and the page's CSRF token. */
export function submitForm(
  agent: Agent,
  path: string,
  page: string,
  fields: Record<string, string | number | boolean>,
): request.Test {
  return agent
    .post(path)
    .type('form')
    .send({ ...fields, _csrf: csrfIn(page) });
}
