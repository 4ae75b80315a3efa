import { Module } from '@nestjs/common';
import { IngestModule } from '@app/ingest';
import { LinksModule } from '@app/links';
import { ExportsService } from './exports/exports.service';
import { ImportsService } from './imports/imports.service';
import { MandateEditsService } from './mandates/mandate-edits.service';
import { MandatesService } from './mandates/mandates.service';
import { MeetingsService } from './meetings/meetings.service';
import { MembersService } from './members/members.service';
import { ObligationsService } from './obligations/obligations.service';
import { ResolutionsService } from './resolutions/resolutions.service';

import { ListFiltersCheck } from './mandates/list-filters.check';
import { CouncilsService } from './councils/councils.service';
const SERVICES = [
  CouncilsService,
  MandatesService,
  MandateEditsService,
  ObligationsService,
  MeetingsService,
  ResolutionsService,
  MembersService,
  ExportsService,
  ImportsService,
  ListFiltersCheck,
];

// LinksModule is passed on: the apps that import tracking serve the links' pages and commands.
@Module({
  imports: [IngestModule, LinksModule],
  providers: SERVICES,
  exports: [...SERVICES, LinksModule],
})
export class TrackingModule {}
