import { Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';
import { REPOSITORIES } from './repositories';

/**
 * The database, migrated on start so a fresh SQLite file is ready to use; with MIGRATIONS_RUN=false
 * (several processes on one database, `npm run stack`) the one step before them has migrated it.
 * Its repositories (named reads and writes, one class per aggregate) are there for every module.
 */
@Global()
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
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class PersistenceModule {}
