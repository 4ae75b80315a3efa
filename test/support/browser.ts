import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './seed-data';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = join(ROOT, 'test', 'artifacts', 'screenshots');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Debian's chromium driven by playwright-core, with what every browser test checks: a
 * screenshot of each page, axe-core's verdict (no serious or critical violation) and no console
 * error (a style or script the page's security policy blocks shows up there).
 */
export class BrowserTests {
  private browser: Browser | undefined;
  private readonly consoleErrors = new Map<Page, string[]>();

  async launch(): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    this.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }

  async close(): Promise<void> {
    await this.browser?.close();
  }

  async newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    if (!this.browser) throw new Error('launch the browser first');
    const context = await this.browser.newContext({ locale: 'de-DE', ...options });
    const page = await context.newPage();
    const errors: string[] = [];
    this.consoleErrors.set(page, errors);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return page;
  }

  /** A screenshot of the page, and axe-core's and the console's verdict on it. */
  async check(page: Page, name: string, status = 200): Promise<void> {
    const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
    const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 12_000) });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    await page.setViewportSize(viewport);
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
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
    const faults = (this.consoleErrors.get(page) ?? []).filter(
      (e) => !(status >= 400 && e.includes(`status of ${status}`)),
    );
    this.consoleErrors.set(page, []);
    expect({ page: name, violations: blocking, console: faults }).toEqual({
      page: name,
      violations: [],
      console: [],
    });
  }
}
