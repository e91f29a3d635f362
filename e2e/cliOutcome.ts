// What the command line says about a preset (`npm run cli -- run --preset <id> --json`), for tests that hold the
// page to the same answer. Spawned, not imported: the test checks the real command.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliOutcome {
  verdict: string;
  firstNonFinite: { step: number; quantity: string; kind: string } | null;
}

export async function cliOutcome(presetId: string): Promise<CliOutcome> {
  const { stdout } = await run('npx', ['tsx', 'src/cli/main.ts', 'run', '--preset', presetId, '--json'], { maxBuffer: 64 * 1024 * 1024 });
  const parsed = JSON.parse(stdout) as { outcome: { verdict: string }; firstNonFinite: CliOutcome['firstNonFinite'] };
  return { verdict: parsed.outcome.verdict, firstNonFinite: parsed.firstNonFinite };
}

/** Each preset's CLI outcome, two at a time (the machine has two cores). */
export async function cliOutcomes(presetIds: readonly string[]): Promise<Record<string, CliOutcome>> {
  const out: Record<string, CliOutcome> = {};
  const queue = [...presetIds];
  const worker = async (): Promise<void> => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) out[id] = await cliOutcome(id);
  };
  await Promise.all([worker(), worker()]);
  return out;
}
