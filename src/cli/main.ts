/**
 * The headless command line: lists presets and runs a preset or a link's scenario in Node with the
 * same engine as the app, on the cpu or wasm backend. Exit 0 on success, 2 on bad input (one stderr
 * line naming the flag or key) or a scenario over its budget or its backend's limits, 1 when the
 * engine itself fails.
 */
import { totalmem } from 'node:os';
import { parseArgs, USAGE, type CliBackend, type RunGate } from './args';
import { budgetFor, checkRun } from '../engine/budget';
import type { Scenario } from '../engine/scenario';
import { formatDiffText } from './diffReport';
import { mapCellScenarios, mapCommand } from './mapCommand';
import { formatMapText } from './mapReport';
import { buildRunReport, formatPresetsText, formatRunText, listPresets, toJson } from './report';
import { PRESETS, presetById } from '../scenarios/presets';

function fail(code: 1 | 2, message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}

/**
 * Refuses, before tfjs is even loaded, a scenario whose estimated cost is over the budget (a share
 * of this machine's memory unless --budget says) or over a backend's limits, unless --force.
 */
function gate(s: Scenario, backends: readonly CliBackend[], g: RunGate, named: boolean, where = ''): void {
  if (g.force) return;
  const budget = g.budget ?? budgetFor(totalmem());
  for (const backend of backends) {
    const verdict = checkRun(s, backend, budget);
    if (!verdict.ok) fail(2, `${where}${named ? `on ${backend}: ` : ''}${verdict.message}; --force runs it anyway`);
  }
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

  if (plan.command === 'map') {
    // Every cell is priced: an axis over a size (samples, batch, image size) changes what a run costs.
    for (const { scenario, where } of mapCellScenarios(plan.scenario, plan.spec)) gate(scenario, [plan.backend], plan, false, `${where}: `);
    const tf = await import('@tensorflow/tfjs');
    tf.enableProdMode();
    const report = await mapCommand(plan, await import('../engine/index'));
    if ('error' in report) fail(report.code, report.error);
    process.stdout.write(`${plan.json ? toJson(report) : formatMapText(report)}\n`);
    return;
  }

  // The backend the run asks for: the command line's, else the scenario's if it is one Node has.
  const runBackend: CliBackend = plan.command === 'run' ? (plan.backend ?? (plan.scenario.backend === 'wasm' ? 'wasm' : 'cpu')) : 'cpu';
  gate(plan.scenario, plan.command === 'run' ? [runBackend] : plan.backends, plan, plan.command === 'diff');

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
  const status = await initBackend(runBackend, plan.scenario.model);
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
