import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/**
 * The folder of the stylesheet and script. The build (tsc) copies no assets, so from
 * dist/apps/api/... the sources' folder is found by walking up to the project root.
 */
function assetsFolder(): string {
  const relative = join('apps', 'api', 'src', 'web', 'assets');
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'assets', 'app.css'))) return join(dir, 'assets');
    if (existsSync(join(dir, relative, 'app.css'))) return join(dir, relative);
    if (dirname(dir) === dir) throw new Error(`the web assets (${relative}) are missing`);
  }
}

/**
 * The pages' stylesheet and script at /assets/, served by the Express adapter before any route:
 * no session is read or started for them, so they stay cacheable (a short cache, revalidated by
 * ETag).
 */
export function serveAssets(app: NestExpressApplication): void {
  app.useStaticAssets(assetsFolder(), {
    prefix: '/assets/',
    index: false,
    redirect: false,
    // Set before serve-static's own Cache-Control, which then stays out.
    setHeaders: (response: { setHeader(name: string, value: string): void }) =>
      response.setHeader('Cache-Control', 'public, max-age=300, must-revalidate'),
  });
}
