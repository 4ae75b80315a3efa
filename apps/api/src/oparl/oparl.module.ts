import { Module } from '@nestjs/common';
import { OparlController } from './oparl.controller';
import { OparlService } from './oparl.service';

/** The OParl controllers, listed apart: they answer outside the /api prefix. */
export const OPARL_CONTROLLERS = [OparlController];

/** OParl 1.1: the decisions and their follow-up, published as the standard API (read-only). */
@Module({ controllers: OPARL_CONTROLLERS, providers: [OparlService] })
export class OparlModule {}
