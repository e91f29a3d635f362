import { describe, expect, it } from 'vitest';
import { SilenceWatch } from './liveness';
import { FakeClock } from './livenessFakes';

function watch(allowedMs = 1000) {
  const clock = new FakeClock();
  const silent: number[] = [];
  let checks = 0;
  const w = new SilenceWatch(clock, { everyMs: 100, allowedMs: () => allowedMs, onCheck: () => checks++, onSilent: (ms) => silent.push(ms) });
  return { clock, w, silent, checks: () => checks };
}

describe('SilenceWatch', () => {
  it('declares the worker silent once the silence passes its allowance, and stops', () => {
    const { clock, w, silent } = watch();
    w.start();
    clock.advance(1000);
    expect(silent).toEqual([]);
    clock.advance(100);
    expect(silent).toEqual([1100]);
    expect(w.watching).toBe(false);
    expect(clock.running).toBe(0);
  });

  it('any word from the worker starts the count again', () => {
    const { clock, w, silent } = watch();
    w.start();
    for (let i = 0; i < 10; i++) {
      clock.advance(900);
      w.heard();
    }
    expect(silent).toEqual([]);
  });

  it('counts only the time the page was awake: a frozen tab is not a silent worker', () => {
    const { clock, w, silent } = watch();
    w.start();
    clock.advance(500);
    clock.sleep(60_000); // the tab was frozen for a minute: the next check comes very late
    clock.advance(100);
    expect(silent).toEqual([]);
    clock.advance(400); // …but time awake afterwards counts as usual
    expect(silent).toHaveLength(1);
  });

  it('checks only while started', () => {
    const { clock, w, checks } = watch();
    clock.advance(1000);
    expect(checks()).toBe(0);
    w.start();
    clock.advance(300);
    expect(checks()).toBe(3);
    w.stop();
    clock.advance(5000);
    expect(checks()).toBe(3);
  });
});
