/**
 * Command-line parsing for the CLI, kept pure (argv in, plan or one-line error out) so it is tested
 * without spawning processes. Every error names the flag or key at fault, because it becomes the
 * single stderr line of an exit-2 failure.
 */
import type { Scenario } from '../engine/scenario';
import { decodeScenario, describeRejected, parseSetting, queryOf } from '../scenarios/codec';
import { presetById, presetScenario } from '../scenarios/presets';
import { MAP_LINK_KEYS, readMapLink } from '../scenarios/mapLink';
import type { MapSpec } from '../scenarios/stabilityGrid';
import { MAP_FLAGS, parseMapFlags } from './mapArgs';

export type CliBackend = 'cpu' | 'wasm';

export type CliPlan =
  | { command: 'help' }
  | { command: 'presets'; json: boolean }
  | ({
      command: 'run';
      json: boolean;
      scenario: Scenario;
      preset: string | null;
      /** The backend asked for on the command line, or null to follow the scenario (cpu if it names a browser backend). */
      backend: CliBackend | null;
      search: boolean;
    } & RunGate)
  | ({
      command: 'diff';
      json: boolean;
      scenario: Scenario;
      preset: string | null;
      /** The two backends run step by step against each other. */
      backends: [CliBackend, CliBackend];
    } & RunGate)
  | ({
      command: 'map';
      json: boolean;
      scenario: Scenario;
      preset: string | null;
      spec: MapSpec;
      backend: CliBackend;
    } & RunGate);

/** How a run is checked against its cost before tfjs loads (engine/budget.ts). */
export interface RunGate {
  /** Run even when the scenario is over the budget or the backend's limits. */
  force: boolean;
  /** Bytes the run may use, or null for the default share of this machine's memory. */
  budget: number | null;
}

export type ParseResult = { ok: true; plan: CliPlan } | { ok: false; error: string };

const FLAGS_WITH_VALUE: Record<'run' | 'diff' | 'map', ReadonlySet<string>> = {
  run: new Set(['--preset', '--url', '--backend', '--steps', '--set', '--budget']),
  diff: new Set(['--preset', '--url', '--backends', '--steps', '--set', '--budget']),
  map: new Set(['--preset', '--url', '--backend', '--steps', '--set', '--budget', ...MAP_FLAGS]),
};
const BOOLEAN_FLAGS = new Set(['--json', '--no-search', '--force']);

export const USAGE = [
  'usage: npm run cli -- presets [--json]',
  '       npm run cli -- run (--preset <id> | --url <query or URL>) [--backend cpu|wasm] [--steps N] [--set key=value]... [--no-search] [--budget 8GB] [--force] [--json]',
  '       npm run cli -- diff (--preset <id> | --url <query or URL>) [--backends cpu,wasm] [--steps N] [--set key=value]... [--budget 8GB] [--force] [--json]',
  '       npm run cli -- map (--preset <id> | --url <query or URL>) [--x lr] [--y inputScale] [--x-range 1e-6,1] [--y-range a,b] [--nx 12] [--ny 12] [--backend cpu|wasm] [--steps N] [--set key=value]... [--budget 8GB] [--force] [--json]',
].join('\n');

/** Turn argv (without node and the script) into a plan, or one line saying what is wrong. */
export function parseArgs(argv: readonly string[]): ParseResult {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { ok: true, plan: { command: 'help' } };
  if (command !== 'presets' && command !== 'run' && command !== 'diff' && command !== 'map')
    return { ok: false, error: `unknown command "${command}" (expected presets, run, diff or map)` };

  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    // Accept --flag=value as well as --flag value.
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (BOOLEAN_FLAGS.has(name) && eq < 0) {
      flags.add(name);
      continue;
    }
    if (command !== 'presets' && FLAGS_WITH_VALUE[command].has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined) return { ok: false, error: `flag ${name} needs a value` };
      values.set(name, [...(values.get(name) ?? []), value]);
      continue;
    }
    return { ok: false, error: arg.startsWith('-') ? `unknown flag ${name} for ${command}` : `unexpected argument "${arg}"` };
  }

  const json = flags.has('--json');
  if (command === 'presets') {
    for (const flag of ['--no-search', '--force']) if (flags.has(flag)) return { ok: false, error: `unknown flag ${flag} for presets` };
    return { ok: true, plan: { command: 'presets', json } };
  }

  if (command !== 'run' && flags.has('--no-search')) return { ok: false, error: `unknown flag --no-search for ${command}` };
  for (const single of ['--preset', '--url', '--backend', '--backends', '--steps', '--budget']) {
    if ((values.get(single)?.length ?? 0) > 1) return { ok: false, error: `flag ${single} given more than once` };
  }
  const presetId = values.get('--preset')?.[0];
  const url = values.get('--url')?.[0];
  if (presetId !== undefined && url !== undefined) return { ok: false, error: 'use either --preset or --url, not both' };
  if (presetId === undefined && url === undefined) return { ok: false, error: `${command} needs --preset <id> or --url <query>` };

  let scenario: Scenario;
  let preset: string | null = null;
  // A link copied from a page with a map open carries it: `map` draws that map, the others leave it aside.
  let linkMap: URLSearchParams | null = null;
  if (presetId !== undefined) {
    const found = presetById(presetId);
    if (!found) return { ok: false, error: `--preset: no preset "${presetId}" (see: npm run cli -- presets)` };
    scenario = presetScenario(found);
    preset = found.id;
  } else {
    const empty = emptyUrl(url!);
    if (empty) return { ok: false, error: empty };
    const params = new URLSearchParams(queryOf(url!));
    linkMap = new URLSearchParams([...params].filter(([k]) => (MAP_LINK_KEYS as readonly string[]).includes(k)));
    for (const key of MAP_LINK_KEYS) params.delete(key);
    const decoded = decodeScenario(params);
    if (decoded.rejected.length > 0) return { ok: false, error: `--url: ${decoded.rejected.map(describeRejected).join('; ')}` };
    scenario = decoded.scenario;
    preset = decoded.preset ?? null;
  }

  for (const setting of values.get('--set') ?? []) {
    const eq = setting.indexOf('=');
    if (eq <= 0) return { ok: false, error: `--set ${setting}: expected key=value` };
    const key = setting.slice(0, eq);
    const result = parseSetting(key, setting.slice(eq + 1));
    if (!result.ok) return { ok: false, error: `--set ${setting}: ${result.reason}` };
    scenario = { ...scenario, [result.field.key]: result.value };
  }

  const steps = values.get('--steps')?.[0];
  if (steps !== undefined) {
    const result = parseSetting('steps', steps);
    if (!result.ok) return { ok: false, error: `--steps ${steps}: ${result.reason}` };
    scenario = { ...scenario, steps: result.value as number };
  }

  const budgetText = values.get('--budget')?.[0];
  const budget = budgetText === undefined ? null : parseBytes(budgetText);
  if (Number.isNaN(budget)) return { ok: false, error: `--budget ${budgetText}: expected a size in bytes, e.g. 8GB, 512MB, 2GiB or 2000000000` };
  const gate: RunGate = { force: flags.has('--force'), budget };

  if (command === 'diff') {
    const backends = parseBackends(values.get('--backends')?.[0] ?? 'cpu,wasm');
    if (typeof backends === 'string') return { ok: false, error: backends };
    return { ok: true, plan: { command: 'diff', json, scenario, preset, backends, ...gate } };
  }

  const backendText = values.get('--backend')?.[0];
  if (backendText !== undefined && backendText !== 'cpu' && backendText !== 'wasm') {
    return { ok: false, error: `--backend ${backendText}: the command line runs on cpu or wasm only` };
  }
  const backend = (backendText as CliBackend | undefined) ?? null;
  if (command === 'map') {
    const fromLink = linkMap ? readMapLink(linkMap, scenario) : { map: null, rejected: [] };
    if (fromLink.rejected.length > 0) return { ok: false, error: `--url: ${fromLink.rejected.map(describeRejected).join('; ')}` };
    const spec = parseMapFlags(values, scenario, fromLink.map?.spec ?? null);
    if (!spec.ok) return { ok: false, error: spec.error };
    const on = backend ?? fromLink.map?.backend ?? (scenario.backend === 'wasm' ? 'wasm' : 'cpu');
    return { ok: true, plan: { command: 'map', json, scenario, preset, spec: spec.value, backend: on, ...gate } };
  }
  return { ok: true, plan: { command: 'run', json, scenario, preset, backend, search: !flags.has('--no-search'), ...gate } };
}

/** Bytes per unit: decimal as disks and system monitors count, binary with an i (GiB). */
const BYTE_UNITS: Readonly<Record<string, number>> = { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12, ki: 2 ** 10, mi: 2 ** 20, gi: 2 ** 30, ti: 2 ** 40 };

/** "8GB", "512 MB", "2GiB", "2e9" or "2000000000" as bytes; NaN when it is none of these or not positive. */
export function parseBytes(text: string): number {
  const m = /^(\d+(?:\.\d+)?(?:e\d+)?)\s*([kmgt]i?)?b?$/i.exec(text.trim());
  if (!m) return NaN;
  const bytes = Number(m[1]) * BYTE_UNITS[(m[2] ?? '').toLowerCase()]!;
  return bytes > 0 && Number.isFinite(bytes) ? Math.round(bytes) : NaN;
}

/**
 * Why `--url` holds no settings, or null when it does: an empty query would run the default
 * scenario as if that had been asked for, which is never what an empty or mistyped link means.
 */
function emptyUrl(url: string): string | null {
  if (queryOf(url).trim() !== '') return null;
  const hash = url.includes('#') ? url.slice(url.indexOf('#') + 1) : '';
  if (hash.includes('=')) return `--url: the settings are after "#" (#${hash}); links to this playground put them after "?": --url '?${hash}'`;
  return `--url ${JSON.stringify(url)} holds no settings: give a link copied from the app or its query (--url 'v=1&lr=0.1'), or --preset <id>`;
}

/** Two backends to compare, "cpu,wasm": the command line has only these two. */
function parseBackends(text: string): [CliBackend, CliBackend] | string {
  const parts = text.split(',').map((p) => p.trim());
  const known = (p: string): p is CliBackend => p === 'cpu' || p === 'wasm';
  if (parts.length !== 2 || !parts.every(known)) {
    return `--backends ${text}: expected two of cpu, wasm separated by a comma (the browser backends are compared in the app)`;
  }
  return [parts[0] as CliBackend, parts[1] as CliBackend];
}
