/**
 * What a page handler returns: the page to show, or where the browser goes next. The page
 * interceptor sends either; handlers never touch the response.
 */
export class Page {
  constructor(
    /** The whole document, built with `html` (so every value in it is escaped). */
    readonly markup: string,
    readonly status = 200,
  ) {}

  /** The same page with another status: a refused form, shown again with what to fix. */
  withStatus(status: number): Page {
    return new Page(this.markup, status);
  }
}

/** "See other" after a form: the browser GETs the next page, so reloading sends nothing twice. */
export class SeeOther {
  constructor(
    readonly location: string,
    /** A session cookie to set with it (after signing in or out, or a password change). */
    readonly cookie?: string,
  ) {}
}

export function seeOther(location: string, cookie?: string): SeeOther {
  return new SeeOther(location, cookie);
}

export type PageResult = Page | SeeOther;
