import { Module } from '@nestjs/common';
import { MandatesModule } from '../mandates/mandates.module';
import { MembersService } from './members.service';

/** The registry's members and what each owes. */
@Module({
  imports: [MandatesModule],
  providers: [MembersService],
  exports: [MembersService],
})
export class MembersModule {}
