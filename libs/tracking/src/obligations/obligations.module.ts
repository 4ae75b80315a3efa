import { Module } from '@nestjs/common';
import { ObligationsService } from './obligations.service';

/** Obligations per owner: status changes with their history. */
@Module({
  imports: [],
  providers: [ObligationsService],
  exports: [ObligationsService],
})
export class ObligationsModule {}
