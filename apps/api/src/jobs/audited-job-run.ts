import type { AuthUser } from '@app/accounts';
import type { AuditService } from '@app/audit';
import type { JobInfo, JobName, JobQueue } from '@app/jobs';

/**
 * A run asked for by a person (the API or the jobs page): into the queue the schedules use, and
 * into the audit trail as `job.run` with what was asked.
 */
export async function enqueueAudited(
  queue: JobQueue,
  audit: AuditService,
  user: AuthUser,
  name: JobName,
  data: Record<string, unknown>,
): Promise<JobInfo> {
  const job = await queue.enqueue(name, data);
  await audit.record(user, {
    action: 'job.run',
    entity: 'job',
    entityId: job.id,
    after: { name, ...data },
  });
  return job;
}
