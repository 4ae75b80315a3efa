import {
  BadRequestException,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@app/accounts';
import { MAX_FILE_BYTES, type IngestReport } from '@app/ingest';
import { ImportsService, type ImportPreviewView } from '@app/tracking';

@ApiTags('imports')
@ApiBearerAuth()
@Roles('secretariat')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiQuery({
    name: 'meeting',
    required: false,
    description: 'Session number for texts that state none',
  })
  @ApiOperation({
    summary:
      'Upload a text or PDF: answers with the extraction as a preview; nothing is stored yet',
  })
  upload(
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @Query('meeting') meeting: string | undefined,
    @CurrentUser() user: AuthUser,
  ): Promise<ImportPreviewView> {
    if (!file)
      throw new BadRequestException(
        'Die Datei fehlt: senden Sie sie als multipart/form-data im Feld „file“.',
      );
    if (meeting !== undefined && !/^\d+$/.test(meeting))
      throw new BadRequestException('meeting: Geben Sie die Nummer einer Sitzung an.');
    return this.imports.upload(file, meeting === undefined ? undefined : Number(meeting), user);
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<ImportPreviewView> {
    return this.imports.get(id);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Store the previewed import (one transaction; the same text again changes nothing)',
  })
  commit(
    @Param('id', ParseIntPipe) id: number,
    @CurrentUser() user: AuthUser,
  ): Promise<IngestReport> {
    return this.imports.commit(id, user);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard an upload that was not committed (a committed one: 409)' })
  discard(@Param('id', ParseIntPipe) id: number, @CurrentUser() user: AuthUser): Promise<void> {
    return this.imports.discard(id, user);
  }
}
