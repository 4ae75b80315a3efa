import { Module } from '@nestjs/common';
import { LinkProposalsService } from './link-proposals.service';
import { LinksService } from './links.service';

/**
 * The link lifecycle between decisions: an ingest proposes (`LinkProposalsService`), the
 * secretariat lists, confirms and rejects (`LinksService`), a confirmation applies the rule of
 * @app/follow-up. Below both ingest and tracking; AuditService and the Clock come from their
 * global modules.
 */
@Module({
  providers: [LinksService, LinkProposalsService],
  exports: [LinksService, LinkProposalsService],
})
export class LinksModule {}
