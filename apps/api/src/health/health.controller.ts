import { Controller, Get } from '@nestjs/common';
import { Public } from '@app/accounts';
import { HealthRepository } from '@app/persistence';

@Controller('health')
export class HealthController {
  constructor(private readonly database: HealthRepository) {}

  @Public()
  @Get()
  async health(): Promise<{ status: 'ok'; database: string }> {
    return { status: 'ok', database: await this.database.ping() };
  }
}
