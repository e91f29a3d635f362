import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { mapLinkQuery, readMapLink, type OpenMap } from './mapLink';

const read = (query: string) => readMapLink(new URLSearchParams(query), DEFAULT_SCENARIO);
const MAP: OpenMap = { spec: { x: { key: 'lr', min: 1e-6, max: 1, cells: 12 }, y: { key: 'inputScale', min: 0.1, max: 1e11, cells: 8 } }, backend: 'wasm' };

describe('a map in a link', () => {
  it('round-trips: fields by link name, both ranges always, cells and backend only when not the default', () => {
    expect(mapLinkQuery(MAP)).toBe('map=lr,scale&mapx=1e-6,1&mapy=0.1,1e11&mapn=12,8&mapbe=wasm');
    expect(read(mapLinkQuery(MAP))).toEqual({ map: MAP, rejected: [] });
    const plain: OpenMap = { ...MAP, spec: { ...MAP.spec, y: { ...MAP.spec.y, cells: 12 } }, backend: 'cpu' };
    expect(mapLinkQuery(plain)).toBe('map=lr,scale&mapx=1e-6,1&mapy=0.1,1e11');
    expect(mapLinkQuery(null)).toBe('');
  });

  it('takes default ranges around the scenario when the link gives none, and field names as well as link names', () => {
    expect(read('map=lr,inputScale').map).toEqual({
      spec: { x: { key: 'lr', min: 1e-4, max: 1, cells: 12 }, y: { key: 'inputScale', min: 0.01, max: 100, cells: 12 } },
      backend: 'cpu',
    });
  });

  it('has no map without map=, and none it cannot read', () => {
    expect(read('lr=0.1')).toEqual({ map: null, rejected: [] });
    for (const bad of ['lr', 'lr,lr', 'lr,model', 'lr,bogus', 'lr,scale,mom'])
      expect(read(`map=${bad}`)).toEqual({
        map: null,
        rejected: [{ key: 'map', value: bad, reason: 'expected two different numeric settings by their link names, e.g. map=lr,scale' }],
      });
  });

  it('keeps a map whose other parts are bad, at their defaults, and says why', () => {
    const { map, rejected } = read('map=lr,scale&mapx=abc,1&mapy=1,1e50&mapn=40,6&mapbe=webgl');
    // Each axis on its own: the x range and cells fall back, the y axis keeps its 6 cells.
    expect(map).toEqual({ spec: { x: { key: 'lr', min: 1e-4, max: 1, cells: 12 }, y: { key: 'inputScale', min: 0.01, max: 100, cells: 6 } }, backend: 'cpu' });
    expect(rejected.map((r) => r.key)).toEqual(['mapx', 'mapn', 'mapy', 'mapbe']);
    expect(rejected[1]!.reason).toBe('Learning rate (lr): 40 cells; a map has 2 to 32 per axis');
  });
});
