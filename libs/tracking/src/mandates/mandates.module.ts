import { Module } from '@nestjs/common';
import { LinksModule } from '@app/links';
import { ListFiltersCheck } from './list-filters.check';
import { MandateEditsService } from './mandate-edits.service';
import { MandatesService } from './mandates.service';

/** Mandates: lists, detail, corrections and mandates entered by hand, and the list filters' check. */
@Module({
  imports: [LinksModule],
  providers: [MandatesService, MandateEditsService, ListFiltersCheck],
  exports: [MandatesService, MandateEditsService, ListFiltersCheck],
})
export class MandatesModule {}
