import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import type { MapCell, MapSpec } from '../scenarios/stabilityGrid';
import { mapCell } from '../scenarios/testing/mapCell';
import { buildMapReport, formatMapText } from './mapReport';

const spec: MapSpec = { x: { key: 'lr', min: 0.01, max: 1, cells: 3 }, y: { key: 'momentum', min: 0, max: 0.5, cells: 2 } };
const cell = (i: number, j: number, over: Partial<MapCell> = {}): MapCell => mapCell(i, j, { x: [0.01, 0.1, 1][i]!, y: [0, 0.5][j]!, ...over });

describe('formatMapText', () => {
  it('draws the highest row on top, the step and a glyph per kind, · where finite and ! where a cell could not run', () => {
    const cells = [
      cell(0, 0),
      cell(1, 0, { firstNonFinite: 12, kind: '-Inf', quantity: 'loss', finalLoss: -Infinity }),
      cell(2, 0, { error: 'out of memory', finalLoss: null }),
      cell(0, 1),
      cell(1, 1, { firstNonFinite: 3, kind: 'NaN', quantity: 'loss', finalLoss: NaN }),
      cell(2, 1, { firstNonFinite: 1, kind: '+Inf', quantity: 'loss', finalLoss: Infinity }),
    ];
    const text = formatMapText(buildMapReport({ scenario: { ...DEFAULT_SCENARIO, steps: 20 }, preset: null, backend: 'cpu', spec, cells }));
    expect(text.split('\n').slice(1)).toEqual([
      '  across: Learning rate (lr) 0.01 … 1, log; up: Momentum (mom) 0 … 0.5',
      '  each cell: the step of the first non-finite value and its kind (N NaN, + +Inf, − −Inf); · finite throughout; ! could not run',
      '',
      '  0.5 |   ·  3N  1+',
      '    0 |   · 12−   !',
      '      +------------',
      '       Learning rate from 0.01, 0.1, 1',
      '  ! lr=1 mom=0: out of memory',
    ]);
    expect(text.split('\n')[0]).toBe('scenario on cpu: 3 × 2 cells of 20 steps  (?v=1&steps=20)');
  });
});
