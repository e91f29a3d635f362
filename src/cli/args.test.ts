import { describe, expect, it } from 'vitest';
import { parseArgs, parseBytes } from './args';
import { DRIVER_FIELDS } from '../engine/costDrivers';
import { presetById, presetScenario } from '../scenarios/presets';
import { checkFieldValue, FIELD_BY_KEY } from '../scenarios/schema';

const errorOf = (argv: string[]): string => {
  const r = parseArgs(argv);
  if (r.ok) throw new Error(`expected an error for ${argv.join(' ')}`);
  return r.error;
};

describe('parseArgs', () => {
  it('plans a preset run with overrides, steps and backend', () => {
    const r = parseArgs(['run', '--preset', 'unscaled-features-sgd', '--set', 'lr=0.5', '--set=prec=float16', '--steps', '7', '--backend', 'wasm', '--json']);
    expect(r.ok).toBe(true);
    if (!r.ok || r.plan.command !== 'run') return;
    expect(r.plan.scenario).toEqual({ ...presetScenario(presetById('unscaled-features-sgd')!), lr: 0.5, precision: 'float16', steps: 7 });
    expect(r.plan).toMatchObject({ preset: 'unscaled-features-sgd', backend: 'wasm', json: true, search: true });
  });

  it('reads a full URL, including its preset key', () => {
    const r = parseArgs(['run', '--url', 'https://example.org/?v=1&preset=mean-tiny-errors&steps=3']);
    expect(r.ok && r.plan.command === 'run' && r.plan.preset).toBe('mean-tiny-errors');
  });

  it.each([
    [['run', '--preset', 'unscaled-features-sgd', '--set', 'lr=abc'], '--set lr=abc: not a number'],
    [['run', '--preset', 'unscaled-features-sgd', '--set', 'learningRate=1'], '--set learningRate=1: unknown key'],
    [['run', '--preset', 'unscaled-features-sgd', '--set', 'lr'], '--set lr: expected key=value'],
    [['run', '--preset', 'nope'], '--preset: no preset "nope" (see: npm run cli -- presets)'],
    [
      ['run', '--url', 'lr=abc&act=swish'],
      '--url: ignored lr=abc: not a number; ignored act=swish: not one of relu, leakyRelu, elu, tanh, sigmoid, softplus, linear',
    ],
    [['run', '--preset', 'unscaled-features-sgd', '--steps', '0'], '--steps 0: below the minimum 1'],
    [['run', '--preset', 'unscaled-features-sgd', '--set', 'seed=1e20'], '--set seed=1e20: above the maximum 2147483647'],
    [['run', '--preset', 'unscaled-features-sgd', '--steps', '1e20'], '--steps 1e20: above the maximum 100000'],
    [['run', '--url', 'lr=1e40'], '--url: ignored lr=1e40: above the maximum 1e38'],
    [['run', '--url', ''], `--url "" holds no settings: give a link copied from the app or its query (--url 'v=1&lr=0.1'), or --preset <id>`],
    [
      ['run', '--url', 'https://example.org/play/?'],
      `--url "https://example.org/play/?" holds no settings: give a link copied from the app or its query (--url 'v=1&lr=0.1'), or --preset <id>`,
    ],
    [
      ['run', '--url', 'https://example.org/#lr=1&act=relu'],
      `--url: the settings are after "#" (#lr=1&act=relu); links to this playground put them after "?": --url '?lr=1&act=relu'`,
    ],
    [['run', '--preset', 'unscaled-features-sgd', '--backend', 'webgl'], '--backend webgl: the command line runs on cpu or wasm only'],
    [['run', '--preset', 'unscaled-features-sgd', '--bogus'], 'unknown flag --bogus for run'],
    [['run', '--preset'], 'flag --preset needs a value'],
    [['run'], 'run needs --preset <id> or --url <query>'],
    [['run', '--preset', 'a', '--url', 'lr=1'], 'use either --preset or --url, not both'],
    [['presets', '--steps', '3'], 'unknown flag --steps for presets'],
    [['train'], 'unknown command "train" (expected presets, run, diff or map)'],
  ])('%j → %s', (argv, message) => {
    expect(errorOf(argv)).toBe(message);
  });
});

describe('parseArgs: diff', () => {
  it('compares cpu and wasm by default, or the two backends named', () => {
    const plain = parseArgs(['diff', '--preset', 'optimizer-high-lr']);
    expect(plain.ok && plain.plan.command === 'diff' && plain.plan.backends).toEqual(['cpu', 'wasm']);
    const named = parseArgs(['diff', '--preset', 'optimizer-high-lr', '--backends', 'wasm,cpu', '--json']);
    expect(named.ok && named.plan.command === 'diff' && [named.plan.backends, named.plan.json]).toEqual([['wasm', 'cpu'], true]);
  });

  it('names what is wrong: a browser backend, one backend, a flag of run', () => {
    expect(parseArgs(['diff', '--preset', 'optimizer-high-lr', '--backends', 'cpu,webgl'])).toEqual({
      ok: false,
      error: '--backends cpu,webgl: expected two of cpu, wasm separated by a comma (the browser backends are compared in the app)',
    });
    expect(parseArgs(['diff', '--preset', 'optimizer-high-lr', '--backends', 'cpu']).ok).toBe(false);
    expect(parseArgs(['diff', '--preset', 'optimizer-high-lr', '--backend', 'cpu'])).toEqual({ ok: false, error: 'unknown flag --backend for diff' });
    expect(parseArgs(['diff'])).toEqual({ ok: false, error: 'diff needs --preset <id> or --url <query>' });
  });
});

describe('parseArgs: --force and --budget', () => {
  it('runs the cost check by default, with the machine share as budget', () => {
    const r = parseArgs(['run', '--preset', 'optimizer-high-lr']);
    expect(r.ok && r.plan.command === 'run' && [r.plan.force, r.plan.budget]).toEqual([false, null]);
  });

  it('reads --force and --budget for run and diff', () => {
    const run = parseArgs(['run', '--preset', 'optimizer-high-lr', '--force', '--budget', '8GB']);
    expect(run.ok && run.plan.command === 'run' && [run.plan.force, run.plan.budget]).toEqual([true, 8e9]);
    const diff = parseArgs(['diff', '--preset', 'optimizer-high-lr', '--budget=2GiB']);
    expect(diff.ok && diff.plan.command === 'diff' && [diff.plan.force, diff.plan.budget]).toEqual([false, 2 ** 31]);
  });

  it.each([
    ['8GB', 8e9],
    ['9.6 GB', 9.6e9],
    ['512mb', 512e6],
    ['2GiB', 2 ** 31],
    ['64 KiB', 65536],
    ['2e9', 2e9],
    ['2000000000', 2e9],
    ['100B', 100],
  ])('parses the size %s', (text, bytes) => {
    expect(parseBytes(text)).toBe(bytes);
  });

  it.each(['', '0', '-1GB', '8XB', 'GB', 'lots', '1e400'])('refuses the size %j', (text) => {
    expect(parseBytes(text)).toBeNaN();
  });

  it.each([
    [['run', '--preset', 'optimizer-high-lr', '--budget', 'lots'], '--budget lots: expected a size in bytes, e.g. 8GB, 512MB, 2GiB or 2000000000'],
    [['run', '--preset', 'optimizer-high-lr', '--budget'], 'flag --budget needs a value'],
    [['run', '--preset', 'optimizer-high-lr', '--budget', '1GB', '--budget', '2GB'], 'flag --budget given more than once'],
    [['presets', '--force'], 'unknown flag --force for presets'],
    [['presets', '--budget', '1GB'], 'unknown flag --budget for presets'],
  ])('%j → %s', (argv, message) => {
    expect(errorOf(argv)).toBe(message);
  });
});

describe('the cost drivers the refusals name', () => {
  // The largest scenario the schema allows for each model family: every field's whole ladder.
  const large = { ...presetScenario(presetById('optimizer-high-lr')!), samples: 100000, batchSize: 100000, features: 256, hidden: [256, 256] };
  const unet = { ...large, model: 'unet' as const, dataset: 'shapes' as const, imageSize: 128, filters: 32, depth: 3 };

  it.each(DRIVER_FIELDS.map((f) => [f.key, f] as const))('%s: the schema label; lowered to the schema minimum, every step valid', (key, field) => {
    const spec = FIELD_BY_KEY.get(key)!;
    expect(field.label).toBe(spec.label);
    const min = spec.type === 'integer' || spec.type === 'integerList' ? spec.range.min : NaN;
    expect(field.floor).toBe(key === 'batchSize' ? 1 : min); // batch 0 means every row, not a smaller batch
    const steps: unknown[] = [];
    for (let s = field.lower(key === 'imageSize' || key === 'filters' || key === 'depth' ? unet : large); s; s = field.lower(s)) steps.push(s[key]);
    expect(steps.length).toBeGreaterThan(0);
    for (const value of steps) expect(checkFieldValue(key, value)).toBeNull();
    expect(steps.at(-1)).toEqual(key === 'hidden' ? [field.floor, field.floor] : field.floor);
  });
});
