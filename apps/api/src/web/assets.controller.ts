import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { PageController } from './page-controller.decorator';
import { StaticAsset } from './session/page-access.decorators';
import type { WebRequest, WebResponse } from './web-http';

const TYPES: Record<string, string> = {
  'app.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
};

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

interface Asset {
  body: Buffer;
  etag: string;
}

/** The pages' stylesheet and script, read once; a short cache with revalidation by ETag. */
@PageController('assets')
export class AssetsController {
  private readonly assets = new Map<string, Asset>();

  constructor() {
    const folder = assetsFolder();
    for (const name of Object.keys(TYPES)) {
      const body = readFileSync(join(folder, name));
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
      this.assets.set(name, { body, etag });
    }
  }

  @StaticAsset()
  @Get(':name')
  asset(
    @Param('name') name: string,
    @Req() request: WebRequest,
    @Res() response: WebResponse,
  ): void {
    const asset = this.assets.get(name);
    if (!asset) throw new NotFoundException();
    response.setHeader('ETag', asset.etag);
    response.setHeader('Cache-Control', 'public, max-age=300, must-revalidate');
    if (request.headers['if-none-match'] === asset.etag) {
      response.status(304).send('');
      return;
    }
    response.setHeader('Content-Type', TYPES[name]);
    response.status(200).send(asset.body);
  }
}
