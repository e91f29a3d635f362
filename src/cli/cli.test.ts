/** The CLI as users run it: spawned through tsx with no build step. Few and short (shared CPU). */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeNonFinite } from '../engine/nonFiniteJson';
import { PRESETS, presetById, presetScenario } from '../scenarios/presets';
import type { MapReport } from './mapReport';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli (spawned)', () => {
  it('lists every preset as JSON', () => {
    const r = cli('presets', '--json');
    expect(r.status).toBe(0);
    const listing = JSON.parse(r.stdout) as { id: string; title: string; source: { file: string; example: number } }[];
    expect(listing.map((p) => p.id)).toEqual(PRESETS.map((p) => p.id));
    expect(listing[0]).toMatchObject({ source: { file: expect.stringMatching(/\.txt$/), example: 1 } });
  });

  it('exits 2 with one stderr line naming the bad key or flag', () => {
    const bad = cli('run', '--preset', 'unscaled-features-sgd', '--set', 'lr=abc', '--json');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toEqual(['error: --set lr=abc: not a number']);
    const flag = cli('run', '--preset', 'unscaled-features-sgd', '--frobnicate');
    expect(flag.status).toBe(2);
    expect(flag.stderr.trim().split('\n')).toEqual(['error: unknown flag --frobnicate for run']);
  });

  it('refuses a link over the memory budget before loading tfjs: exit 2 in seconds, one line naming the batch', () => {
    const started = Date.now();
    const link = '?model=unet&data=shapes&loss=bceLogits&n=100000&img=128&depth=3&filters=32&batch=100000&steps=100000';
    const r = cli('run', '--url', link, '--budget', '9.6GB');
    expect(r.status).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: this run needs ≈ 11 TB \(activations 10 TB at batch 100000\); the budget here is 9\.6 GB; .*: lower Batch size to 1 and Image size to 32 \(that fits\); --force runs it anyway$/,
    );
  });

  it('diffs a preset on cpu and wasm: the same first non-finite steps as each backend run alone', () => {
    const diff = cli('diff', '--preset', 'optimizer-high-lr', '--backends', 'cpu,wasm', '--json');
    expect(diff.status).toBe(0);
    const d = JSON.parse(diff.stdout) as { backends: string[]; firstNonFinite: ({ step: number } | null)[]; firstDifference: { step: number } | null };
    expect(d.backends).toEqual(['cpu', 'wasm']);
    const alone = (backend: string) =>
      (
        JSON.parse(cli('run', '--preset', 'optimizer-high-lr', '--backend', backend, '--no-search', '--set', 'cont=1', '--json').stdout) as {
          firstNonFinite: unknown;
        }
      ).firstNonFinite;
    expect(d.firstNonFinite).toEqual([alone('cpu'), alone('wasm')]);
  });

  it('maps a preset: the grid of the in-process runMap, cell by cell, NaN and ±Inf as strings; a bad flag exits 2 naming it', async () => {
    const r = cli('map', '--preset', 'autoencoder-plain', '--x-range', '1e-2,1e7', '--y-range', '0.1,1e11', '--nx', '3', '--ny', '3', '--json');
    expect(r.status).toBe(0);
    // Only the losses are numbers written as strings; a kind is the string "NaN" itself.
    const printed = JSON.parse(r.stdout, (k: string, v: unknown) => (k === 'finalLoss' ? decodeNonFinite(k, v) : v)) as MapReport;
    expect([printed.backend, printed.x.key, printed.y.key, printed.x.values, printed.steps]).toEqual(['cpu', 'lr', 'inputScale', [0.01, 316, 1e7], 50]);
    const tf = await import('@tensorflow/tfjs');
    tf.enableProdMode();
    const { createTrainer, initBackend } = await import('../engine/index');
    const { runMap } = await import('../runs/stabilityMap');
    await initBackend('cpu', 'autoencoder');
    const spec = { x: { key: 'lr' as const, min: 1e-2, max: 1e7, cells: 3 }, y: { key: 'inputScale' as const, min: 0.1, max: 1e11, cells: 3 } };
    expect(printed.cells).toEqual(runMap(presetScenario(presetById('autoencoder-plain')!), spec, createTrainer));
    expect(printed.cells.some((c) => c.firstNonFinite !== null) && printed.cells.some((c) => c.firstNonFinite === null)).toBe(true);
    expect(r.stdout).toMatch(/"finalLoss": "Infinity"|"finalLoss": "NaN"/);
    const bad = cli('map', '--preset', 'autoencoder-plain', '--nx', '40');
    expect([bad.status, bad.stdout, bad.stderr.trim().split('\n')]).toEqual([
      2,
      '',
      ['error: --nx 40: Learning rate (lr): 40 cells; a map has 2 to 32 per axis'],
    ]);
  });

  it('runs a preset and writes NaN as a string in JSON', () => {
    const r = cli('run', '--preset', 'log-loss-zero-probability', '--no-search', '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['scenario', 'backend', 'steps', 'loss', 'firstNonFinite', 'finalLoss', 'claim', 'outcome']));
    expect(report.backend).toBe('cpu');
    expect(report.firstNonFinite).toEqual({ step: 1, quantity: expect.any(String), kind: 'NaN', phase: 'loss' });
    expect(report.finalLoss).toBe('NaN');
    expect(report.loss).toEqual([{ step: 1, loss: 'NaN' }]);
    expect(report.outcome).toMatchObject({ verdict: 'holds', text: 'the claim holds' });
  });
});
