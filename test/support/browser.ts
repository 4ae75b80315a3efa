import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PASSWORD, type ApiFixture } from './api-app';
import { ROOT } from './seed-data';

/** Debian's chromium (`apt-get install -y chromium`); `npx playwright install` cannot download here. */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Says once per suite why its browser tests are not registered. */
export function warnWithoutChromium(): void {
  if (!HAS_CHROMIUM)
    console.warn(
      `[web] browser tests SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium); only the HTTP checks of the pages ran`,
    );
}

export const SCREENSHOTS = join(ROOT, 'test', 'artifacts', 'screenshots');
const AXE_SOURCE = HAS_CHROMIUM ? readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') : '';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Chromium against an API that listens on 127.0.0.1, with the pages' sign-in and checks. */
export interface BrowserFixture {
  base: string;
  newPage(options?: { javaScriptEnabled?: boolean }): Promise<Page>;
  signIn(page: Page, email: string, password?: string): Promise<void>;
  /** A screenshot of the page, and axe-core's verdict on it: no serious or critical violation. */
  check(page: Page, name: string, status?: number): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowser(api: ApiFixture): Promise<BrowserFixture> {
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
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
    await page.evaluate(AXE_SOURCE);
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

  return { base, newPage, signIn, check, close: () => browser.close() };
}
