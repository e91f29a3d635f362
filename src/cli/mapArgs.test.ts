import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { presetById, presetScenario } from '../scenarios/presets';

const errorOf = (argv: string[]): string => {
  const r = parseArgs(argv);
  if (r.ok) throw new Error(`expected an error for ${argv.join(' ')}`);
  return r.error;
};

const planOf = (argv: string[]) => {
  const r = parseArgs(argv);
  if (!r.ok || r.plan.command !== 'map') throw new Error(r.ok ? 'not a map plan' : r.error);
  return r.plan;
};

describe('parseArgs: map', () => {
  it('maps learning rate × input scale around the preset by default, 12 × 12 on cpu', () => {
    const plan = planOf(['map', '--preset', 'autoencoder-plain']);
    expect(plan.scenario).toEqual(presetScenario(presetById('autoencoder-plain')!));
    expect(plan.spec).toEqual({ x: { key: 'lr', min: 1e-4, max: 1, cells: 12 }, y: { key: 'inputScale', min: 0.01, max: 100, cells: 12 } });
    expect([plan.backend, plan.json, plan.force, plan.budget]).toEqual(['cpu', false, false, null]);
  });

  it('reads the axes by name or link name, their ranges, cell counts, the backend and the usual run flags', () => {
    const plan = planOf([
      'map',
      '--preset',
      'autoencoder-plain',
      '--x',
      'scale',
      '--y=momentum',
      '--x-range',
      '1e-3,1e20',
      '--ny',
      '5',
      '--nx=6',
      '--y-range',
      '0,0.9',
      '--backend',
      'wasm',
      '--steps',
      '20',
      '--set',
      'opt=momentum',
      '--json',
    ]);
    expect(plan.spec).toEqual({ x: { key: 'inputScale', min: 1e-3, max: 1e20, cells: 6 }, y: { key: 'momentum', min: 0, max: 0.9, cells: 5 } });
    expect([plan.backend, plan.json, plan.scenario.steps, plan.scenario.optimizer]).toEqual(['wasm', true, 20, 'momentum']);
  });

  it.each([
    [['--x', 'learningRate'], /^--x learningRate: no such setting; the map's axes can be .*\blr\b/],
    [['--y', 'model'], /^--y model: not a numeric setting; the map's axes can be /],
    [['--y', 'steps'], /^--y steps: not a numeric setting/],
    [['--x', 'lr', '--y', 'lr'], /^--x and --y are both lr: a map needs two different settings$/],
    [['--nx', '40'], /^--nx 40: Learning rate \(lr\): 40 cells; a map has 2 to 32 per axis$/],
    [['--ny', 'twelve'], /^--ny twelve: expected a whole number of cells from 2 to 32$/],
    [['--x-range', '1e-6'], /^--x-range 1e-6: expected min,max \(two numbers and a comma, e\.g\. 1e-6,1\)$/],
    [['--x-range', '1e-6,abc'], /^--x-range 1e-6,abc: abc is not a number$/],
    [['--x-range', '1e-6,1e40'], /^--x-range 1e-6,1e40: 1e40 is above the maximum 1e38$/],
    [['--x-range', '1,1e-6'], /^--x-range 1,1e-6: Learning rate \(lr\): the range 1…1e-6 must run from a smaller to a larger number$/],
    [['--y', 'wd', '--y-range', '0,1'], /^--y-range 0,1: Weight decay \(wd\): the range 0…1 is outside 1e-8…1 \(a log axis starts above 0\)$/],
    [['--x', 'depth', '--nx', '5'], /^--nx 5: U-Net depth \(depth\): 5 cells need 5 different whole numbers/],
    [['--nx', '6', '--nx', '7'], /^flag --nx given more than once$/],
    [['--backend', 'webgl'], /^--backend webgl: the command line runs on cpu or wasm only$/],
    [['--backends', 'cpu,wasm'], /^unknown flag --backends for map$/],
    [['--no-search'], /^unknown flag --no-search for map$/],
  ])('%j → %s', (flags, message) => {
    expect(errorOf(['map', '--preset', 'autoencoder-plain', ...flags])).toMatch(message);
  });

  it("draws the map a link carries, the flags over it; the other commands leave a link's map aside", () => {
    const link = '?v=1&preset=autoencoder-plain&lr=0.5&map=lr,scale&mapx=1e-2,1e7&mapy=0.1,1e11&mapn=6,4&mapbe=wasm';
    const plan = planOf(['map', '--url', link]);
    expect([plan.spec, plan.backend, plan.scenario.lr]).toEqual([
      { x: { key: 'lr', min: 1e-2, max: 1e7, cells: 6 }, y: { key: 'inputScale', min: 0.1, max: 1e11, cells: 4 } },
      'wasm',
      0.5,
    ]);
    expect(planOf(['map', '--url', link, '--nx', '3', '--backend', 'cpu']).spec.x).toEqual({ key: 'lr', min: 1e-2, max: 1e7, cells: 3 });
    expect(planOf(['map', '--url', link, '--y', 'mom']).spec.y).toEqual({ key: 'momentum', min: 0, max: 0.9999, cells: 12 });
    const run = parseArgs(['run', '--url', link]);
    expect(run.ok && run.plan.command === 'run' && run.plan.scenario.lr).toBe(0.5);
    expect(errorOf(['map', '--url', '?map=lr,scale&mapx=abc,1'])).toBe(
      '--url: ignored mapx=abc,1: expected min,max of lr within its range; the default range is used',
    );
  });

  it('needs a scenario like run does', () => {
    expect(errorOf(['map', '--x', 'lr'])).toBe('map needs --preset <id> or --url <query>');
  });
});
