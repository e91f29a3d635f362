import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { changedFields, queryFor, readLocation, structuralChanges, writeLocation, type HistoryLike } from './urlSync';

function fakeHistory(): HistoryLike & { calls: [string, string][] } {
  const calls: [string, string][] = [];
  return {
    calls,
    pushState: (_d, _u, url) => calls.push(['push', url ?? '']),
    replaceState: (_d, _u, url) => calls.push(['replace', url ?? '']),
  };
}

describe('readLocation', () => {
  it('decodes the default scenario from an empty query', () => {
    const d = readLocation('');
    expect(d.scenario).toEqual(DEFAULT_SCENARIO);
    expect(d.rejected).toEqual([]);
    expect(d.autoplay).toBe(false);
  });

  it('an address naming nothing opens the start screen; any setting, a preset or ?v=1 (free play) opens the playground', () => {
    expect(readLocation('').start).toBe(true);
    expect(readLocation('?').start).toBe(true);
    expect(readLocation('', '#controls').start).toBe(true);
    expect(readLocation('?v=1').start).toBe(false);
    expect(readLocation('?preset=optimizer-high-lr').start).toBe(false);
    expect(readLocation('', '#lr=1').start).toBe(false);
  });

  it('reads app flags without reporting them as rejected', () => {
    const d = readLocation('?autoplay=1&embed=1&speed=20&be=cpu');
    expect(d).toMatchObject({ autoplay: true, embed: true, speed: 20 });
    expect(d.scenario.backend).toBe('cpu');
    expect(d.rejected).toEqual([]);
  });

  it('rejects bad values and unknown keys and keeps the defaults for them', () => {
    const d = readLocation('?lr=abc&bogus=1&speed=-3');
    expect(d.scenario.lr).toBe(DEFAULT_SCENARIO.lr);
    expect(d.rejected.map((r) => r.key).sort()).toEqual(['bogus', 'lr', 'speed']);
  });
});

describe('readLocation: settings after #', () => {
  it('reads a hash link like a query when there is no query, and says so', () => {
    const d = readLocation('', '#lr=1&opt=sgd');
    expect(d.scenario).toEqual({ ...DEFAULT_SCENARIO, lr: 1, optimizer: 'sgd' });
    expect(d.notes).toEqual([
      'This link puts its settings after # (#lr=1&opt=sgd): they were read as a query (?lr=1&opt=sgd), as links to this playground write them.',
    ]);
  });

  it('reports unknown keys of a hash link as it would in a query', () => {
    expect(readLocation('', '#regularizationRate=0&lr=1').rejected).toEqual([{ key: 'regularizationRate', value: '0', reason: 'unknown key' }]);
  });

  it('prefers the query, and leaves an anchor alone', () => {
    const both = readLocation('?lr=0.5', '#lr=1');
    expect(both.scenario.lr).toBe(0.5);
    expect(both.notes).toEqual([]);
    const anchor = readLocation('', '#controls');
    expect(anchor.scenario).toEqual(DEFAULT_SCENARIO);
    expect(anchor.notes).toEqual([]);
  });
});

describe('queryFor / writeLocation', () => {
  it('round-trips a changed scenario through the URL', () => {
    const s = { ...DEFAULT_SCENARIO, lr: 0.5, hidden: [8, 4], backend: 'webgl' as const };
    expect(readLocation(queryFor(s, { embed: false, preset: null, speed: 'auto', classroom: null })).scenario).toEqual(s);
  });

  it('encodes relative to a preset and keeps its id', () => {
    const d = readLocation('?preset=unscaled-features-sgd');
    expect(d.preset).toBe('unscaled-features-sgd');
    const q = queryFor({ ...d.scenario, lr: 0.001 }, { embed: false, preset: d.preset, speed: 'auto', classroom: null });
    expect(q).toContain('preset=unscaled-features-sgd');
    expect(readLocation(q).scenario).toEqual({ ...d.scenario, lr: 0.001 });
  });

  it('keeps embed=1 across edits', () => {
    expect(queryFor(DEFAULT_SCENARIO, { embed: true, preset: null, speed: 'auto', classroom: null })).toContain('embed=1');
  });

  it('keeps a fixed speed in the link and leaves the default out; a link reads back the same speed', () => {
    const fixed = queryFor(DEFAULT_SCENARIO, { embed: false, preset: null, speed: 7, classroom: null });
    expect(readLocation(fixed).speed).toBe(7);
    expect(queryFor(DEFAULT_SCENARIO, { embed: false, preset: null, speed: 'auto', classroom: null })).not.toContain('speed');
    expect(readLocation('?speed=auto').speed).toBe('auto');
  });

  it('keeps an open stability map in the link through edits, and reads its keys as no scenario key', () => {
    const map = {
      spec: { x: { key: 'lr' as const, min: 1e-6, max: 1, cells: 12 }, y: { key: 'inputScale' as const, min: 0.1, max: 1e11, cells: 12 } },
      backend: 'cpu' as const,
    };
    const q = queryFor({ ...DEFAULT_SCENARIO, lr: 0.5 }, { embed: false, preset: null, speed: 'auto', classroom: null, map });
    expect(q).toBe('?v=1&lr=0.5&map=lr,scale&mapx=1e-6,1&mapy=0.1,1e11');
    expect(readLocation(q)).toMatchObject({ scenario: { ...DEFAULT_SCENARIO, lr: 0.5 }, rejected: [] });
    expect(readLocation('?map=lr,scale&mapn=6,6&mapbe=wasm').rejected).toEqual([]);
  });

  it('pushes or replaces as asked', () => {
    const h = fakeHistory();
    writeLocation(h, '/app/', { ...DEFAULT_SCENARIO, lr: 0.1 }, { embed: false, preset: null, speed: 'auto', classroom: null }, 'replace');
    writeLocation(h, '/app/', { ...DEFAULT_SCENARIO, model: 'linear' }, { embed: false, preset: null, speed: 'auto', classroom: null }, 'push');
    expect(h.calls[0]![0]).toBe('replace');
    expect(h.calls[0]![1]).toMatch(/^\/app\/\?.*lr=0\.1/);
    expect(h.calls[1]![0]).toBe('push');
  });
});

describe('structuralChanges', () => {
  it('separates structural from live changes', () => {
    const lr = { ...DEFAULT_SCENARIO, lr: 1 };
    expect(structuralChanges(DEFAULT_SCENARIO, lr)).toEqual([]);
    expect(changedFields(DEFAULT_SCENARIO, lr)).toEqual(['lr']);
    const hidden = { ...DEFAULT_SCENARIO, hidden: [4] };
    expect(structuralChanges(DEFAULT_SCENARIO, hidden)).toEqual(['hidden']);
  });
});
