import { runCli } from '../../apps/cli/src/tracker.program';

/** Runs a `tracker` command in-process and returns what it printed and its exit code. */
export async function tracker(command: string, options: Record<string, unknown>) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  const err = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  process.exitCode = undefined;
  try {
    await runCli(command, options);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = process.exitCode ?? 0;
  process.exitCode = undefined;
  return { stdout: stdout.join(''), stderr: stderr.join(''), code };
}
