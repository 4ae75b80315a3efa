import { Module } from '@nestjs/common';
import { CouncilsService } from './councils.service';

/** The councils followed side by side: their list and names. */
@Module({
  imports: [],
  providers: [CouncilsService],
  exports: [CouncilsService],
})
export class CouncilsModule {}
