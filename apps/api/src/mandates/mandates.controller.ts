import { Controller, Get, Query } from '@nestjs/common';
import { MandateListQuery, MandatesService, type MandatePage } from '@app/tracking';

@Controller('mandates')
export class MandatesController {
  constructor(private readonly mandates: MandatesService) {}

  /** `GET /api/mandates?owner=HB&dueMeeting=34&status=open&page=1&pageSize=50` */
  @Get()
  list(@Query() query: MandateListQuery): Promise<MandatePage> {
    return this.mandates.list(query);
  }
}
