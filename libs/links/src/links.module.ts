import { Module } from '@nestjs/common';
import { LinksService } from './links.service';

/**
 * The link lifecycle between decisions: an ingest proposes (`storeLinks`), the secretariat lists,
 * confirms and rejects (`LinksService`), a confirmation applies the rule of @app/follow-up.
 * Below both ingest and tracking; AuditService and the Clock come from their global modules.
 */
@Module({ providers: [LinksService], exports: [LinksService] })
export class LinksModule {}
