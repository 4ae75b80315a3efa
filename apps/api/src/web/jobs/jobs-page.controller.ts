import { Clock, publicUrl } from '@app/config';
import { Body, Get, Param, Post, Query } from '@nestjs/common';
import type { AuthUser } from '@app/accounts';
import { AuditService } from '@app/audit';
import { digestPeriodStart } from '@app/follow-up';
import {
  DigestService,
  JOB_LABELS,
  JOB_NAMES,
  JobQueue,
  QueueUnavailableError,
  type JobInfo,
  type JobName,
  type PlannedDigest,
} from '@app/jobs';
import { enqueueAudited } from '../../jobs/audited-job-run';
import { PageController } from '../page-controller.decorator';
import { PageError } from '../page-error';
import { PageRoles } from '../session/page-access.decorators';
import { seeOther, type Page, type SeeOther } from '../page';
import { PageContext, PageUser } from '../page-params.decorators';
import type { WebContext } from '../web-http';
import { jobsPage } from './jobs.view';

/** Runs shown: the newest of each state, newest first. */
const SHOWN_RUNS = 30;

/** The queue's own answer is English; the page says it in German. */
async function queued<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof QueueUnavailableError)
      throw new PageError(
        503,
        'Die Warteschlange der Abläufe (Redis) ist nicht erreichbar. Bitte später erneut versuchen.',
      );
    throw error;
  }
}

/**
 * The secretariat's view of the background jobs: last runs and failures with their reasons,
 * undelivered digests, and forms to run a job now. A run from here goes into the same queue as a
 * scheduled run (in-process or BullMQ), and is audited like `POST /api/jobs/:name/run`.
 */
@PageRoles('secretariat')
@PageController('jobs')
export class JobsPageController {
  constructor(
    private readonly queue: JobQueue,
    private readonly digests: DigestService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(@Query('done') done: unknown, @PageContext() context: WebContext): Promise<Page> {
    return this.page(context, { status: this.notice(done) });
  }

  @Post('run')
  async run(@Body() body: Record<string, unknown>, @PageUser() user: AuthUser): Promise<SeeOther> {
    const name = body.job;
    if (typeof name !== 'string' || !(JOB_NAMES as readonly string[]).includes(name))
      throw new PageError(
        400,
        `Diesen Ablauf gibt es nicht. Möglich sind: ${Object.values(JOB_LABELS).join(', ')}.`,
      );
    const job = await this.enqueue(user, name as JobName, {});
    return seeOther(`/jobs?done=run-${job.id}`);
  }

  @Post('dry-run')
  async dryRun(@PageContext() context: WebContext): Promise<Page> {
    const result = await this.digests.run({
      frequency: 'weekly',
      now: this.clock.now(),
      baseUrl: publicUrl(),
      dryRun: true,
    });
    return this.page(context, {
      dryRun: result.dryRun ?? [],
      status: 'Probelauf fertig; gesendet wurde nichts.',
    });
  }

  @Post('digests/retry')
  async retryDigests(
    @Body() body: Record<string, unknown>,
    @PageUser() user: AuthUser,
  ): Promise<SeeOther> {
    const period = typeof body.period === 'string' ? body.period : '';
    const start = digestPeriodStart(period);
    if (!start)
      throw new PageError(
        400,
        `„${period}“ ist kein Zeitraum von E-Mail-Übersichten (etwa 2026-W48 oder 2026-11-29).`,
      );
    const job = await this.enqueue(
      user,
      start.frequency === 'weekly' ? 'digests-weekly' : 'digests-daily',
      { now: start.now.toISOString() },
    );
    return seeOther(`/jobs?done=run-${job.id}`);
  }

  @Post(':id/retry')
  async retry(@Param('id') id: string, @PageUser() user: AuthUser): Promise<SeeOther> {
    if (!/^[\w:-]{1,100}$/.test(id))
      throw new PageError(400, `„${id}“ ist keine Nummer eines Laufs.`);
    const job = await queued(() => this.queue.retry(id)).catch((error: unknown) => {
      if (error instanceof PageError) throw error;
      throw new PageError(404, `Einen Lauf ${id} gibt es nicht.`);
    });
    await this.audit.record(user, {
      action: 'job.retry',
      entity: 'job',
      entityId: id,
    });
    return seeOther(`/jobs?done=retry-${job.id}`);
  }

  private async enqueue(
    user: AuthUser,
    name: JobName,
    data: Record<string, unknown>,
  ): Promise<JobInfo> {
    return queued(() => enqueueAudited(this.queue, this.audit, user, name, data));
  }

  private notice(done: unknown): string | undefined {
    const match = typeof done === 'string' ? /^(run|retry)-([\w:-]{1,100})$/.exec(done) : null;
    if (!match) return undefined;
    return match[1] === 'run'
      ? `Lauf ${match[2]} ist eingereiht; sein Stand steht unten.`
      : `Lauf ${match[2]} wird erneut versucht.`;
  }

  private async page(
    context: WebContext,
    extra: { dryRun?: PlannedDigest[]; status?: string },
  ): Promise<Page> {
    const [lists, schedules, undelivered] = await Promise.all([
      queued(() =>
        Promise.all(
          (['active', 'waiting', 'delayed', 'failed', 'completed'] as const).map((state) =>
            this.queue.list(state),
          ),
        ),
      ),
      queued(() => this.queue.schedules()),
      this.digests.undelivered(),
    ]);
    const runs = lists
      .flat()
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || Number(b.id) - Number(a.id))
      .slice(0, SHOWN_RUNS);
    return jobsPage({
      context,
      names: JOB_NAMES,
      runs,
      undelivered,
      schedules: JOB_NAMES.map((name) => ({
        name,
        next: schedules.find((s) => s.id.endsWith(name))?.next,
      })),
      mode: this.queue.mode,
      ...extra,
    });
  }
}
