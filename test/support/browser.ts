import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD, startApi, type ApiFixture } from './api-app';
import { ROOT } from './seed-data';
import { SmtpTestServer } from './smtp-test-server';

// Browser tests drive Debian's chromium (playwright cannot download one here) and run axe-core
// on every page they visit.

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Says once per suite file why its browser tests were not registered. */
export function warnWithoutChromium(suite: string): void {
  if (!HAS_CHROMIUM) {
    console.warn(
      `[${suite}] browser tests SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium); only the HTTP checks of the pages ran`,
    );
  }
}

const SCREENSHOTS = join(ROOT, 'test', 'artifacts', 'screenshots');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface BrowserKit {
  browser: Browser;
  /** The app's address, "http://127.0.0.1:<port>". */
  base: string;
  newPage(options?: { javaScriptEnabled?: boolean }): Promise<Page>;
  signIn(page: Page, email: string, password?: string): Promise<void>;
  /** A screenshot of the page, and axe-core's verdict on it: no serious or critical violation. */
  check(page: Page, name: string, status?: number): Promise<void>;
  close(): Promise<void>;
}

/** Chromium against an app that already listens on 127.0.0.1. */
export async function openBrowser(app: INestApplication): Promise<BrowserKit> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const consoleErrors = new Map<Page, string[]>();

  async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ locale: 'de-DE', ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    consoleErrors.set(page, errors);
    // A style or script the page's security policy blocks shows up here.
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  }

  async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
    await page.goto(`${base}/login`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
  }

  async function check(page: Page, name: string, status = 200): Promise<void> {
    // The whole page, by making the viewport as tall as the page: Playwright's fullPage
    // screenshot left this Chromium ignoring the next click on a submit button.
    const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
    const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 12_000) });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    await page.setViewportSize(viewport);
    await page.evaluate(axeSource);
    const results = await page.evaluate<AxeResults>(
      "axe.run(document, { resultTypes: ['violations'] })",
    );
    const blocking = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help}: ${v.nodes
            .slice(0, 5)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
    // An error page's own status is logged by the browser; anything else is a fault.
    const faults = (consoleErrors.get(page) ?? []).filter(
      (e) => !(status >= 400 && e.includes(`status of ${status}`)),
    );
    consoleErrors.set(page, []);
    expect({ page: name, violations: blocking, console: faults }).toEqual({
      page: name,
      violations: [],
      console: [],
    });
  }

  return { browser, base, newPage, signIn, check, close: () => browser.close() };
}

/** The app, its mail server and Chromium of one describe block (see `browserWithMail`). */
export interface BrowserSuite {
  readonly api: ApiFixture;
  readonly smtp: SmtpTestServer;
  readonly kit: BrowserKit;
  /** The app's address, "http://127.0.0.1:<port>", also its PUBLIC_URL. */
  readonly base: string;
}

/**
 * The real API on an SQLite database of its own, listening on 127.0.0.1 with an SMTP test server
 * and Chromium, started before the tests of the describe block this is called in and stopped
 * after them. The app's own address is its PUBLIC_URL, so the links in mails lead to it.
 */
export function browserWithMail(env: Record<string, string> = {}): BrowserSuite {
  let api: ApiFixture | undefined;
  let smtp: SmtpTestServer | undefined;
  let kit: BrowserKit | undefined;
  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    api = await startApi('sqlite', { SMTP_URL: smtp.url, ...env });
    await api.app.listen(0, '127.0.0.1');
    kit = await openBrowser(api.app);
    process.env.PUBLIC_URL = kit.base;
  }, 120_000);
  afterAll(async () => {
    delete process.env.PUBLIC_URL;
    await kit?.close();
    await api?.close();
    await smtp?.stop();
  }, 60_000);
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the app is not started yet: use it inside a test or a hook');
    return value;
  };
  return {
    get api() {
      return started(api);
    },
    get smtp() {
      return started(smtp);
    },
    get kit() {
      return started(kit);
    },
    get base() {
      return started(kit).base;
    },
  };
}
