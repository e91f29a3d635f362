/**
 * `npm run bench`: steps/s of the reference models, bare tfjs vs the engine with the sentinel off
 * and on, in Node (cpu, wasm) and headless Chromium (cpu, wasm, webgl, webgpu). Ratios come from one
 * process each. Prints a Markdown table and writes bench/results.json.
 *   --runs N        timed runs per mode (median over them; default 5)
 *   --only node|browser
 *   --models a,b    reference model ids (linear, autoencoder, unet32, unet64)
 */
import { execSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { REFERENCE_MODELS } from '../src/lab/referenceModels';
import { benchBrowser } from './browser';
import { benchNode } from './node';
import { rankBackends } from './ranking';
import { renderTable, type BenchRow } from './table';

function options() {
  try {
    const { values } = parseArgs({
      options: { runs: { type: 'string', default: '5' }, only: { type: 'string' }, models: { type: 'string' } },
    });
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error(`--runs must be an integer 1…50, got ${values.runs}`);
    if (values.only && values.only !== 'node' && values.only !== 'browser') throw new Error(`--only must be node or browser, got ${values.only}`);
    const known = REFERENCE_MODELS.map((m) => m.id);
    const models = values.models ? values.models.split(',') : known;
    const unknown = models.filter((m) => !known.includes(m));
    if (unknown.length) throw new Error(`--models: unknown ${unknown.join(', ')} (known: ${known.join(', ')})`);
    return { runs, only: values.only, models };
  } catch (e) {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
}

const opts = options();
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`;
const rows: BenchRow[] = [];
let browserInfo: { browser: string; gpu: string } | null = null;
if (opts.only !== 'browser') rows.push(...(await benchNode(opts.runs, opts.models)));
if (opts.only !== 'node') {
  if (!existsSync('dist/lab.html')) execSync('npx vite build', { stdio: 'inherit' });
  const b = await benchBrowser('dist', opts.runs, opts.models);
  browserInfo = { browser: b.browser, gpu: b.gpu };
  rows.push(...b.rows);
}
const results = { date: new Date().toISOString(), machine, browser: browserInfo, runs: opts.runs, rows };
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
// Only a complete run may replace the ranking "auto" uses: a partial one would drop backends.
if (!opts.only && opts.models.length === REFERENCE_MODELS.length) {
  const on = `${machine}${browserInfo ? `; ${browserInfo.browser}, WebGPU adapter: ${browserInfo.gpu}` : ''}; ${results.date.slice(0, 10)}`;
  writeFileSync('src/engine/backendRanking.json', JSON.stringify(rankBackends(rows, on), null, 2) + '\n');
}
console.log(`machine: ${machine}${browserInfo ? `; ${browserInfo.browser}, WebGPU adapter: ${browserInfo.gpu}` : ''}`);
console.log(`steps/s, medians of ${opts.runs} runs (one step = forward + backward + update + one loss readback)\n`);
console.log(renderTable(rows));
