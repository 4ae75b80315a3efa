import { Module } from '@nestjs/common';
import { MandatesModule } from '../mandates/mandates.module';
import { ResolutionsService } from './resolutions.service';

/** Decisions and their mandates. */
@Module({
  imports: [MandatesModule],
  providers: [ResolutionsService],
  exports: [ResolutionsService],
})
export class ResolutionsModule {}
