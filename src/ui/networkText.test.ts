import { describe, expect, it } from 'vitest';
import type { NetworkColumn, NetworkView } from '../engine/networkView';
import type { NonFiniteReport } from '../engine/records';
import { columnText, flagText, networkText } from './networkText';

const col = (id: string, kind: NetworkColumn['kind'], units: number, detail: string, unitNames: string[] = []): NetworkColumn => ({
  id,
  kind,
  units,
  detail,
  unitNames,
});
const VIEW: NetworkView = {
  columns: [
    col('data', 'input', 2, '2 inputs', ['x1', 'x2']),
    col('dense1', 'dense', 4, 'tanh'),
    col('out', 'dense', 1, 'linear'),
    col('loss', 'loss', 1, 'mse, mean'),
  ],
  edges: [{ from: 2, to: 4, values: [] }, { from: 4, to: 1, values: [] }, null],
  skips: [],
};

const report = (quantity: string, cascade: string[]): NonFiniteReport => ({
  quantity,
  phase: 'forward',
  kind: '-Inf',
  counts: { nan: 0, posInf: 0, negInf: 3 },
  size: 40,
  step: 2,
  lastFiniteMaxAbs: 1e4,
  cascade: cascade.map((q) => ({ quantity: q, phase: 'forward', kind: 'NaN', counts: { nan: 1, posInf: 0, negInf: 0 }, size: 1 })),
  backend: 'cpu',
  precision: 'float16',
  growth: [],
});

describe('the network diagram in words', () => {
  it('names each column: inputs by feature, layers by units and activation, blocks by channels, the loss by kind', () => {
    expect(VIEW.columns.map(columnText)).toEqual(['inputs: x1, x2', 'dense1: 4 units, tanh', 'out: 1 unit, linear', 'loss: mse, mean']);
    expect(columnText(col('enc1/conv', 'block', 8, 'conv 3×3 + relu'))).toBe('enc1/conv: 8 channels, conv 3×3 + relu');
    expect(columnText(col('data', 'input', 20, '20 inputs', ['x1', 'x2']))).toBe('inputs: 20 inputs');
  });

  it('writes the network out in order as its text alternative', () => {
    expect(networkText(VIEW)).toBe(
      'inputs: x1, x2 → dense1: 4 units, tanh → out: 1 unit, linear → loss: mse, mean. Edges: blue for a positive weight, orange for a negative one, thicker for a larger |w|.',
    );
    expect(networkText({ ...VIEW, edges: [null, null, null], skips: [[1, 2]] })).toBe(
      'inputs: x1, x2 → dense1: 4 units, tanh → out: 1 unit, linear → loss: mse, mean. Skip connections: dense1 to out.',
    );
  });

  it('says where the first non-finite value is and which columns the cascade reached after it', () => {
    expect(flagText(report('dense1/preact', ['dense1/act', 'out/preact', 'loss/elements']), VIEW)).toBe(
      'Step 2: -Inf first in dense1/preact, in dense1; after it, in the same step: out, then loss.',
    );
    expect(flagText(report('clip/globalNorm', []), VIEW)).toBe('Step 2: -Inf first in clip/globalNorm, which no one layer holds.');
  });
});
