import { Module } from '@nestjs/common';
import { IngestModule } from '@app/ingest';
import { ImportsService } from './imports.service';

/** The import queue: upload, review, commit or discard. */
@Module({
  imports: [IngestModule],
  providers: [ImportsService],
  exports: [ImportsService],
})
export class ImportsModule {}
