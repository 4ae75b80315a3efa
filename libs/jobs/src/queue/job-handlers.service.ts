import { Injectable, Logger } from '@nestjs/common';
import { Clock, publicUrl, validateEnvironment } from '@app/config';
import { DEFAULT_REMINDER_LEAD_DAYS } from '@app/follow-up';
import { OparlSourcesService } from '../oparl/oparl-sources.service';
import { DigestService } from '../digests/digest.service';
import { SecretariatDigestService } from '../digests/secretariat-digest.service';
import { ReminderService } from '../notices/reminder.service';
import { ReportNoticeService } from '../notices/report-notice.service';
import { OverdueScanService } from '../overdue/overdue-scan.service';
import { ReportsService } from '../reports/reports.service';
import type { JobName } from './job-queue';
import { germanDate } from '@app/domain';

/** What each job does; the same handlers run in a worker (BullMQ) or in the API process. */
@Injectable()
export class JobHandlers {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly overdue: OverdueScanService,
    private readonly reports: ReportsService,
    private readonly digests: DigestService,
    private readonly notices: ReportNoticeService,
    private readonly secretariat: SecretariatDigestService,
    private readonly reminders: ReminderService,
    private readonly clock: Clock,
    private readonly oparl: OparlSourcesService,
  ) {}

  private get baseUrl(): string {
    return publicUrl();
  }

  async run(name: JobName, data: Record<string, unknown> = {}): Promise<unknown> {
    const now = typeof data.now === 'string' ? new Date(data.now) : this.clock.now();
    switch (name) {
      case 'overdue-scan': {
        const { flagged, lifted, today } = await this.overdue.scan(now);
        this.logger.log(
          `Überfälligkeitsprüfung ${germanDate(today)}: ${flagged} neu überfällig, ${lifted} nicht mehr überfällig`,
        );
        return { flagged, lifted, today };
      }
      case 'member-reports':
        return this.reports.allMemberReports(now, this.baseUrl);
      case 'digests-weekly': {
        // The secretariat's overview goes out with the members' weekly digests: same week, same
        // schedule. Both run even when one fails; the first failure then retries the job.
        const [members, secretariat] = await Promise.allSettled([
          this.digests.run({ frequency: 'weekly', now, baseUrl: this.baseUrl }),
          this.secretariat.run(now, this.baseUrl),
        ]);
        if (members.status === 'rejected') throw members.reason;
        if (secretariat.status === 'rejected') throw secretariat.reason;
        const { period, planned, sent, alreadySent } = members.value;
        return { period, planned, sent, alreadySent, secretariat: secretariat.value };
      }
      case 'digests-daily': {
        const { period, planned, sent, alreadySent } = await this.digests.run({
          frequency: 'daily',
          now,
          baseUrl: this.baseUrl,
        });
        return { period, planned, sent, alreadySent };
      }
      case 'report-notices':
        return this.notices.run(now, this.baseUrl);
      case 'reminders': {
        const lead = validateEnvironment(process.env).REMINDER_LEAD_DAYS;
        return this.reminders.run(now, this.baseUrl, lead ?? DEFAULT_REMINDER_LEAD_DAYS);
      }
      case 'oparl-sync':
        return this.oparl.run();
      default:
        throw new Error(`unknown job ${String(name)}`);
    }
  }
}
