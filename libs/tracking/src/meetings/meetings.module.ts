import { Module } from '@nestjs/common';
import { MandatesModule } from '../mandates/mandates.module';
import { MeetingsService } from './meetings.service';

/** The calendar: sessions, special sessions, what is due at each. */
@Module({
  imports: [MandatesModule],
  providers: [MeetingsService],
  exports: [MeetingsService],
})
export class MeetingsModule {}
