import { Module } from '@nestjs/common';
import { MandatesModule } from '../mandates/mandates.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { ExportsService } from './exports.service';

/** CSV and calendar exports of what the lists show. */
@Module({
  imports: [MandatesModule, MeetingsModule],
  providers: [ExportsService],
  exports: [ExportsService],
})
export class ExportsModule {}
