/**
 * `npm run bench`: steps/s of the reference models, bare tfjs vs the engine with the sentinel off
 * and on, in Node (cpu, wasm) and headless Chromium (cpu, wasm, webgl, webgpu). Ratios come from one
 * process each. Prints a Markdown table and writes bench/results.json (a partial run: results.partial.json).
 *   --runs N        timed runs per mode (median over them; default 5)
 *   --only node|browser|map|dense|ui   (dense: the dense fast path against bare tfjs cpu, bench/dense.ts; ui: the
 *                   app section alone, on the backends the committed ranking puts first)
 *   --models a,b    reference model ids (linear, autoencoder, unet32, unet64)
 *   --backends a,b  backends to time (cpu, wasm, webgl, webgpu; Node runs only cpu and wasm)
 *   --no-ui         skip the app timing
 *   --no-map        skip the stability map (the app computing a map with one worker and with its pool)
 * The browser part also trains each model in the app itself, on the backend this run found fastest
 * for it, and reports the app's steps/s and its longest main-thread task.
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { BackendRequest } from '../src/engine/scenario';
import { REFERENCE_MODELS } from '../src/lab/referenceModels';
import { benchBrowser } from './browser';
import { benchNode } from './node';
import { mergeRanking, rankBackends, type Ranking } from './ranking';
import { renderTable, type BenchRow } from './table';
import { benchUi, renderUiTable, type UiRow } from './ui';
import { benchMap, renderMapTable, type MapBenchRow } from './map';
import { benchDense, renderDenseTable } from './dense';

function options() {
  try {
    const { values } = parseArgs({
      options: {
        runs: { type: 'string', default: '5' },
        only: { type: 'string' },
        models: { type: 'string' },
        backends: { type: 'string' },
        'no-ui': { type: 'boolean' },
        'no-map': { type: 'boolean' },
      },
    });
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error(`--runs must be an integer 1…50, got ${values.runs}`);
    if (values.only && !['node', 'browser', 'map', 'dense', 'ui'].includes(values.only))
      throw new Error(`--only must be node, browser, map, dense or ui, got ${values.only}`);
    const known = REFERENCE_MODELS.map((m) => m.id);
    const models = values.models ? values.models.split(',') : known;
    const unknown = models.filter((m) => !known.includes(m));
    if (unknown.length) throw new Error(`--models: unknown ${unknown.join(', ')} (known: ${known.join(', ')})`);
    const backends = values.backends ? values.backends.split(',') : [...ALL_BACKENDS];
    const badBackends = backends.filter((b) => !(ALL_BACKENDS as readonly string[]).includes(b));
    if (badBackends.length) throw new Error(`--backends: unknown ${badBackends.join(', ')} (known: ${ALL_BACKENDS.join(', ')})`);
    return { runs, only: values.only, models, backends, ui: !values['no-ui'], map: !values['no-map'] };
  } catch (e) {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}

const ALL_BACKENDS = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;
const opts = options();
const complete = !opts.only && opts.models.length === REFERENCE_MODELS.length && opts.backends.length === ALL_BACKENDS.length && opts.ui && opts.map;
const UI_SECONDS = 4;
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
const rows: BenchRow[] = [];
let browserInfo: { browser: string; gpu: string } | null = null;
let ui: UiRow[] = [];
let map: MapBenchRow[] = [];
if (opts.only === 'dense') {
  const dense = await benchDense(opts.runs);
  console.log(`dense fast path vs bare tfjs cpu: steps/s, medians of ${opts.runs} interleaved runs in one process\n`);
  console.log(renderDenseTable(dense));
  process.exit(0);
}
const RANKING_FILE = 'src/engine/backendRanking.json';
if (!opts.only || opts.only === 'node') rows.push(...(await benchNode(opts.runs, opts.models, opts.backends)));
if (opts.only === 'ui') {
  execSync('npx vite build', { stdio: 'inherit' });
  const committed = JSON.parse(readFileSync(RANKING_FILE, 'utf8')) as Ranking;
  ui = await benchUi('dist', UI_SECONDS, opts.runs, (model) => (committed.order.browser?.[model]?.[0]?.backend ?? 'cpu') as BackendRequest, opts.models);
} else if (opts.only === 'map') {
  execSync('npx vite build', { stdio: 'inherit' });
  map = await benchMap('dist');
} else if (opts.only !== 'node') {
  // Always rebuild: a stale dist/ would time yesterday's code.
  execSync('npx vite build', { stdio: 'inherit' });
  const b = await benchBrowser('dist', opts.runs, opts.models, opts.backends);
  browserInfo = { browser: b.browser, gpu: b.gpu };
  rows.push(...b.rows);
  const fastest = rankBackends(b.rows, '').order.browser ?? {};
  if (opts.ui) ui = await benchUi('dist', UI_SECONDS, opts.runs, (model) => (fastest[model]?.[0]?.backend ?? 'cpu') as BackendRequest, opts.models);
  if (opts.map) map = await benchMap('dist');
}
const results = { date: new Date().toISOString(), machine, browser: browserInfo, runs: opts.runs, rows, ui, map };
// A partial run (--only, --models, --backends, --no-ui) must not replace the committed full table.
const resultsFile = complete ? 'bench/results.json' : 'bench/results.partial.json';
writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
// A complete run replaces the ranking "auto" uses; a partial one that timed every backend replaces
// the lists of the models it timed (one that left backends out would drop them, so it changes nothing).
const on = `${machine}${browserInfo ? `; ${browserInfo.browser}, WebGPU adapter: ${browserInfo.gpu}` : ''}; ${results.date.slice(0, 10)}`;
const ranking = complete
  ? rankBackends(rows, on)
  : mergeRanking(JSON.parse(readFileSync(RANKING_FILE, 'utf8')) as Ranking, rankBackends(rows, ''), opts.backends.length === ALL_BACKENDS.length, on);
// A run that timed no engine (the app section alone, the map alone) leaves the ranking as it is.
if (rows.length) writeFileSync(RANKING_FILE, JSON.stringify(ranking, null, 2) + '\n');
console.log(`machine: ${machine}${browserInfo ? `; ${browserInfo.browser}, WebGPU adapter: ${browserInfo.gpu}` : ''}`);
if (rows.length) {
  console.log(`steps/s, medians of ${opts.runs} runs (one step = forward + backward + update + one loss readback)\n`);
  console.log(renderTable(rows));
}
if (ui.length) {
  console.log(
    `\nthe app training each model at the default speed (auto), on ${opts.only === 'ui' ? 'the backend the committed ranking puts first' : 'the fastest backend of this run'} (the free-play default on the backend the app picks), against the engine alone in a worker: ${opts.runs} interleaved rounds of up to ${UI_SECONDS} s, medians\n`,
  );
  console.log(renderUiTable(ui));
}
if (map.length) {
  console.log(
    `\nthe stability map in the app on cpu: cells/s with one map worker and with the pool (${cpus().length} cores here, shared with whatever else runs)\n`,
  );
  console.log(renderMapTable(map, cpus().length));
}
