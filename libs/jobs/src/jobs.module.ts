import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import { DigestService } from './digests/digest.service';
import { SecretariatDigestService } from './digests/secretariat-digest.service';
import { ReminderService } from './notices/reminder.service';
import { ReportNoticeService } from './notices/report-notice.service';
import { OverdueScanService } from './overdue/overdue-scan.service';
import { BullmqJobQueue } from './queue/bullmq.job-queue';
import { InProcessJobQueue } from './queue/in-process.job-queue';
import { JobHandlers } from './queue/job-handlers.service';
import { jobLabel, JobQueue } from './queue/job-queue';
import { schedulesFromEnv } from './queue/schedules';
import { ReportsService } from './reports/reports.service';
import { IngestModule } from '@app/ingest';
import { JobRunRepository } from '@app/persistence';
import { OparlSourcesService } from './oparl/oparl-sources.service';

/** api: enqueue (with no Redis: also run, on schedule); worker: process and schedule; cli: inspect. */
export type JobsRole = 'api' | 'worker' | 'cli';

const ROLE = Symbol('JobsRole');

function settings(config: ConfigService) {
  return {
    url: config.get<string>('REDIS_URL') || undefined,
    prefix: config.get<string>('REDIS_PREFIX') || 'mt',
    attempts: Number(config.get<string>('JOB_ATTEMPTS') ?? 5),
    backoffMs: Number(config.get<string>('JOB_BACKOFF_MS') ?? 60_000),
  };
}

@Injectable()
class JobsLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly queue: JobQueue,
    private readonly handlers: JobHandlers,
    @Inject(ROLE) private readonly role: JobsRole,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const role = this.role;
    const schedules = schedulesFromEnv(process.env);
    if (this.queue instanceof BullmqJobQueue && role === 'worker') {
      await this.queue.startWorker(schedules, (name, data) => this.handlers.run(name, data));
      // Catch up at once: flags are current after a deploy, not only after the next 06:00. Once
      // for all workers that start together, not once per worker.
      await this.queue.enqueueOnce('overdue-scan', 'catch-up:overdue-scan');
      this.logger.log(
        `Worker gestartet; Zeitpläne: ${schedules.map((s) => `${jobLabel(s.name)} „${s.pattern}“`).join(', ')} (Zeitzone ${schedules[0].tz})`,
      );
    } else if (this.queue instanceof InProcessJobQueue && role === 'api') {
      await this.queue.start();
      await this.queue.enqueue('overdue-scan');
      this.logger.log('ohne REDIS_URL: die Abläufe laufen in diesem Prozess nach ihren Zeitplänen');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.queue instanceof BullmqJobQueue || this.queue instanceof InProcessJobQueue)
      await this.queue.close();
  }
}

const FOLLOW_UP_WORK = [
  OverdueScanService,
  ReportsService,
  DigestService,
  ReportNoticeService,
  SecretariatDigestService,
  ReminderService,
  OparlSourcesService,
];

/**
 * The follow-up work the jobs do (overdue scan, reports, digests, notices, reminders, OParl
 * sources): plain services, usable without a queue (the CLI runs them directly).
 */
@Module({
  imports: [IngestModule],
  providers: FOLLOW_UP_WORK,
  exports: FOLLOW_UP_WORK,
})
export class FollowUpJobsModule {}

/** The queue: its adapter (BullMQ, or in-process without Redis), the handlers, the schedules. */
@Module({})
export class JobsModule {
  static forRoot(role: JobsRole): DynamicModule {
    return {
      module: JobsModule,
      // The queue is one per process: the API's routes and the jobs page enqueue into the same.
      global: true,
      imports: [FollowUpJobsModule, ScheduleModule.forRoot()],
      providers: [
        { provide: ROLE, useValue: role },
        JobHandlers,
        {
          provide: JobQueue,
          inject: [ConfigService, JobRunRepository, JobHandlers, SchedulerRegistry],
          useFactory: (
            config: ConfigService,
            runs: JobRunRepository,
            handlers: JobHandlers,
            registry: SchedulerRegistry,
          ): JobQueue => {
            const s = settings(config);
            if (s.url)
              return new BullmqJobQueue({
                url: s.url,
                prefix: s.prefix,
                attempts: s.attempts,
                backoffMs: s.backoffMs,
              });
            if (role === 'worker')
              throw new Error(
                'the worker needs REDIS_URL; without Redis the API runs the jobs itself',
              );
            return new InProcessJobQueue(
              runs,
              (name, data) => handlers.run(name, data),
              s,
              role === 'api' ? schedulesFromEnv(process.env) : [],
              registry,
            );
          },
        },
        JobsLifecycle,
      ],
      exports: [JobQueue, JobHandlers, FollowUpJobsModule],
    };
  }
}
