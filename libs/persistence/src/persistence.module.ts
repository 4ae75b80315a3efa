import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';

/**
 * The database, migrated on start so a fresh SQLite file is ready to use; with MIGRATIONS_RUN=false
 * (several processes on one database, `npm run stack`) the one step before them has migrated it.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule.forFeature(databaseConfig)],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        ...dataSourceOptions(config.getOrThrow<string>('database.url')),
        migrationsRun: config.get<boolean>('database.migrationsRun') ?? true,
      }),
    }),
  ],
})
export class PersistenceModule {}
