import { describe, expect, it } from 'vitest';
import { MAX_SPEED, parseSpeed } from './speed';

describe('parseSpeed', () => {
  it.each([
    ['auto', 'auto'],
    ['1', 1],
    ['7', 7],
    [String(MAX_SPEED), MAX_SPEED],
    ['0', null],
    [String(MAX_SPEED + 1), null],
    ['2.5', null],
    ['-3', null],
    ['', null],
    ['Auto', null],
    ['1e2', null],
  ] as const)('%j → %j', (raw, speed) => {
    expect(parseSpeed(raw)).toBe(speed);
  });
});
