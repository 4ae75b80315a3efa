import type { PageRequest } from '../web-http';

export const CSRF_REFUSED =
  'Das Formular ist abgelaufen oder kam nicht von dieser Seite. Bitte laden Sie die Seite neu und senden Sie es noch einmal.';

/** The form field or header a POST carries its CSRF token in. */
export function csrfTokenOf(request: PageRequest): unknown {
  const body = request.body as Record<string, unknown> | undefined;
  return body?._csrf ?? request.headers['x-csrf-token'];
}
