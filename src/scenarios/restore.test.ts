import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { restoreScenario, restoreSetting, type SettingSource } from './restore';
import { FIELD_BY_KEY } from './schema';

// Typed values keyed by full field names, as a run file gives them.
const TYPED: SettingSource = {
  fieldFor: (key) => FIELD_BY_KEY.get(key as keyof typeof DEFAULT_SCENARIO),
  read: (field, raw) => (field.key === 'seed' && raw === 'refuse' ? { ok: false, reason: 'refused by the source' } : { ok: true, value: raw }),
  show: (raw) => JSON.stringify(raw) ?? String(raw),
};

describe('restoreSetting', () => {
  it('names an unknown key, the source’s own refusal, and a value outside the schema', () => {
    expect(restoreSetting('bogus', 1, TYPED)).toEqual({ ok: false, reason: 'unknown key' });
    expect(restoreSetting('seed', 'refuse', TYPED)).toEqual({ ok: false, reason: 'refused by the source' });
    expect(restoreSetting('lr', -1, TYPED)).toEqual({ ok: false, reason: 'below the minimum 1e-8' });
    expect(restoreSetting('lr', 0.5, TYPED)).toMatchObject({ ok: true, value: 0.5, field: { key: 'lr' } });
  });
});

describe('restoreScenario', () => {
  it('applies what is valid over the base, lists the rest in the order given, and leaves the base alone', () => {
    const base = structuredClone(DEFAULT_SCENARIO);
    const { scenario, rejected } = restoreScenario(
      base,
      [
        ['hidden', [4, 2]],
        ['bogus', 1],
        ['optimizer', 'sgd'],
        ['lr', 'fast'],
        ['__proto__', { polluted: true }],
      ],
      TYPED,
    );
    expect(scenario).toEqual({ ...DEFAULT_SCENARIO, hidden: [4, 2], optimizer: 'sgd' });
    expect(rejected.map((r) => [r.key, r.value])).toEqual([
      ['bogus', '1'],
      ['lr', '"fast"'],
      ['__proto__', '{"polluted":true}'],
    ]);
    expect(base).toEqual(DEFAULT_SCENARIO);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never shares a list with the base, so editing the result cannot change the default', () => {
    const { scenario } = restoreScenario(DEFAULT_SCENARIO, [], TYPED);
    scenario.hidden.push(99);
    expect(DEFAULT_SCENARIO.hidden).not.toContain(99);
  });
});
