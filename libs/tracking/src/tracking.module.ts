import { Module } from '@nestjs/common';
import { IngestModule } from '@app/ingest';
import { ExportsService } from './exports/exports.service';
import { ImportsService } from './imports/imports.service';
import { LinksService } from './links/links.service';
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
  LinksService,
  ListFiltersCheck,
];

@Module({ imports: [IngestModule], providers: SERVICES, exports: SERVICES })
export class TrackingModule {}
