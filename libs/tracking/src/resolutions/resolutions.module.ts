import { Module } from '@nestjs/common';
import { CouncilsModule } from '../councils/councils.module';
import { MandatesModule } from '../mandates/mandates.module';
import { ResolutionsService } from './resolutions.service';

/** Decisions and their mandates. */
@Module({
  imports: [MandatesModule, CouncilsModule],
  providers: [ResolutionsService],
  exports: [ResolutionsService],
})
export class ResolutionsModule {}
