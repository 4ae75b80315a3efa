/** The address users reach the app at, for links in feeds, reports and mail. */
export function baseUrl(request?: {
  protocol: string;
  headers: Record<string, string | string[] | undefined>;
}): string {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/$/, '');
  const host = request?.headers.host;
  return host
    ? `${request?.protocol ?? 'http'}://${host}`
    : `http://127.0.0.1:${process.env.PORT ?? 3000}`;
}
