import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { databaseConfig, httpConfig, seedConfig, validateEnvironment } from '@app/config';
import { IngestModule } from '@app/ingest';
import { PersistenceModule } from '@app/persistence';
import { TrackingModule } from '@app/tracking';
import { FirstStartService } from './first-start/first-start.service';
import { HealthController } from './health/health.controller';
import { MandatesController } from './mandates/mandates.controller';

@Module({
  imports: [
    ConfigModule.forRoot({
      isGlobal: true,
      validate: validateEnvironment,
      load: [databaseConfig, seedConfig, httpConfig],
    }),
    PersistenceModule,
    IngestModule,
    TrackingModule,
  ],
  controllers: [MandatesController, HealthController],
  providers: [FirstStartService],
})
export class AppModule {}
