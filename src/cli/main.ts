/**
 * The headless command line: lists presets and runs a preset or a link's scenario in Node with the
 * same engine as the app, on the cpu or wasm backend. Exit 0 on success, 2 on bad input (one stderr
 * line naming the flag or key), 1 when the engine itself fails.
 */
import { parseArgs, USAGE, type CliBackend } from './args';
import { formatDiffText } from './diffReport';
import { buildRunReport, formatPresetsText, formatRunText, listPresets, toJson } from './report';
import { PRESETS, presetById } from '../scenarios/presets';

function fail(code: 1 | 2, message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}

async function main(argv: readonly string[]): Promise<void> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) fail(2, parsed.error);
  const plan = parsed.plan;

  if (plan.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (plan.command === 'presets') {
    const listing = listPresets(PRESETS);
    process.stdout.write(`${plan.json ? toJson(listing) : formatPresetsText(listing)}\n`);
    return;
  }

  // tfjs is loaded only for runs: listing presets and rejecting bad input stay instant.
  const tf = await import('@tensorflow/tfjs');
  // Production mode only silences tfjs's console notes (e.g. its advice to install tfjs-node),
  // which would otherwise add stray lines around our one-line errors.
  tf.enableProdMode();
  const { createTrainer, initBackend, unsupportedReason } = await import('../engine/index');
  const { computeOutcome } = await import('../runs/outcome');
  const { runScenario } = await import('../runs/runScenario');

  if (plan.command === 'diff') {
    const { diffBackends } = await import('../runs/backendDiff');
    const sides = [];
    for (const name of plan.backends) {
      const status = await initBackend(name, plan.scenario.model);
      if (status.active !== name) fail(1, `backend ${name} could not start: ${status.reason ?? 'unknown reason'}`);
      const why = unsupportedReason(plan.scenario, name);
      if (why) fail(2, `scenario cannot run on ${name}: ${why}`);
      sides.push({ backend: name, quirks: status.quirks });
    }
    const deps = {
      activate: async (name: string) => void (await tf.setBackend(name)),
      createTrainer: (s: typeof plan.scenario) => createTrainer(s, { sentinel: 'fast' }),
    };
    const diff = await diffBackends(plan.scenario, [sides[0]!, sides[1]!], plan.scenario.steps, deps);
    const title = plan.preset ?? 'the scenario';
    process.stdout.write(`${plan.json ? toJson({ preset: plan.preset, scenario: plan.scenario, ...diff }) : formatDiffText(title, diff)}\n`);
    return;
  }

  const scenarioBackend = plan.scenario.backend;
  const backend: CliBackend = plan.backend ?? (scenarioBackend === 'wasm' ? 'wasm' : 'cpu');
  const status = await initBackend(backend, plan.scenario.model);
  const why = unsupportedReason(plan.scenario, status.active);
  if (why) fail(2, `scenario cannot run on ${status.active}: ${why}`);

  const preset = plan.preset === null ? null : (presetById(plan.preset) ?? null);
  const note = [
    status.reason,
    scenarioBackend !== 'auto' && scenarioBackend !== status.active ? `scenario asks for ${scenarioBackend}; the command line runs cpu or wasm` : null,
  ]
    .filter((x): x is string => x !== null)
    .join('; ');
  try {
    let report;
    if (preset) {
      const options = { search: plan.search, preset: preset.id };
      const { run, outcome } = computeOutcome(plan.scenario, preset.claim.check, createTrainer, options);
      report = buildRunReport({ run, preset, backend: status.active, backendNote: note || null, outcome });
    } else {
      const run = runScenario(plan.scenario, createTrainer);
      report = buildRunReport({ run, preset: null, backend: status.active, backendNote: note || null, outcome: null });
    }
    process.stdout.write(`${plan.json ? toJson(report) : formatRunText(report)}\n`);
  } catch (e) {
    fail(1, `the run failed: ${e instanceof Error ? e.message : String(e)}`.split('\n')[0]!);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => fail(1, (e instanceof Error ? e.message : String(e)).split('\n')[0]!));
