import { Module } from '@nestjs/common';
import { LinksModule } from '@app/links';
import { CouncilsModule } from './councils/councils.module';
import { ExportsModule } from './exports/exports.module';
import { ImportsModule } from './imports/imports.module';
import { MandatesModule } from './mandates/mandates.module';
import { MeetingsModule } from './meetings/meetings.module';
import { MembersModule } from './members/members.module';
import { ObligationsModule } from './obligations/obligations.module';
import { ResolutionsModule } from './resolutions/resolutions.module';

/** One module per feature; an app that serves them all imports this one. */
const FEATURES = [
  CouncilsModule,
  MandatesModule,
  ObligationsModule,
  MeetingsModule,
  ResolutionsModule,
  MembersModule,
  ExportsModule,
  ImportsModule,
];

// LinksModule is passed on: the apps that import tracking serve the links' pages and commands.
@Module({
  imports: [...FEATURES, LinksModule],
  exports: [...FEATURES, LinksModule],
})
export class TrackingModule {}
