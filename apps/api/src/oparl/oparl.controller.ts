import {
  Controller,
  Get,
  Header,
  Param,
  Query,
  Req,
  Res,
  UseFilters,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Public } from '@app/accounts';
import { OPARL_BODY_LISTS, OparlRequestError, type OparlBodyList } from '@app/oparl';
import type { Request, Response } from 'express';
import { publicUrl } from '@app/config';
import { OparlErrorFilter } from './oparl-error.filter';
import { OPARL_PATH, OparlService } from './oparl.service';

/** Every OParl answer may be read by scripts of any origin, as the spec asks. */
class AnyOriginInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    context.switchToHttp().getResponse<Response>().setHeader('Access-Control-Allow-Origin', '*');
    return next.handle();
  }
}

/**
 * OParl 1.1, public and read-only, outside /api and its sign-in: every answer carries
 * `Access-Control-Allow-Origin: *` and every object's id is the URL it is fetched from.
 */
@Public()
@Controller(OPARL_PATH)
@UseFilters(OparlErrorFilter)
@UseInterceptors(AnyOriginInterceptor)
export class OparlController {
  constructor(private readonly oparl: OparlService) {}

  /** Ids are URLs under the one configured public address, whoever asks. */
  private root(): string {
    return `${publicUrl()}/${OPARL_PATH}`;
  }

  /** The object at the URL the request was made to. */
  private here(request: Request) {
    return this.oparl.object(this.root(), `${publicUrl()}${request.path}`);
  }

  @Get('system')
  system() {
    return this.oparl.system(this.root());
  }

  @Get('body')
  bodies(@Query() query: Record<string, unknown>) {
    return this.oparl.bodies(this.root(), query);
  }

  @Get('body/:code')
  body(@Req() request: Request) {
    return this.here(request);
  }

  @Get('body/:code/:list')
  bodyList(
    @Req() request: Request,
    @Param('code') code: string,
    @Param('list') list: string,
    @Query() query: Record<string, unknown>,
  ) {
    if (!(OPARL_BODY_LISTS as readonly string[]).includes(list))
      throw new OparlRequestError(404, 'Diese Liste gibt es nicht.', `no list ${list}`);
    return this.oparl.bodyList(this.root(), code, list as OparlBodyList, query);
  }

  @Get('organization/:key')
  organization(@Req() request: Request) {
    return this.here(request);
  }

  @Get('meeting/:id')
  meeting(@Req() request: Request) {
    return this.here(request);
  }

  @Get('meeting/:id/location')
  location(@Req() request: Request) {
    return this.here(request);
  }

  @Get('agenda-item/:key')
  agendaItem(@Req() request: Request) {
    return this.here(request);
  }

  @Get('paper/:id')
  paper(@Req() request: Request) {
    return this.here(request);
  }

  @Get('consultation/:id')
  consultation(@Req() request: Request) {
    return this.here(request);
  }

  @Get('file/:key')
  file(@Req() request: Request) {
    return this.here(request);
  }

  /** The file itself, to read in the browser (no attachment, as the spec asks of accessUrl). */
  @Get('file/:key/content')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async fileContent(@Req() request: Request, @Param('key') key: string): Promise<string> {
    return (await this.oparl.fileContent(this.root(), key)).text;
  }

  /** The file as a download, named. */
  @Get('file/:key/download')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  async fileDownload(
    @Req() request: Request,
    @Param('key') key: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const file = await this.oparl.fileContent(this.root(), key);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    return file.text;
  }
}
