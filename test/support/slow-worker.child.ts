// A worker that shuts down as the worker app does on SIGTERM: close() lets the active job finish.
import { BullmqJobQueue } from '@app/jobs';

async function main(): Promise<void> {
  const env = process.env as Record<string, string>;
  const queue = new BullmqJobQueue({
    url: env.CHILD_REDIS_URL,
    prefix: env.CHILD_PREFIX,
    attempts: 1,
    backoffMs: 100,
    lockDurationMs: 5000,
  });
  await queue.startWorker([], async () => {
    process.stdout.write('started\n');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return { slow: 'done' };
  });
  process.once('SIGTERM', () => void queue.close().then(() => process.exit(0)));
  process.stdout.write('ready\n');
}

void main();
