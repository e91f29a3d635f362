import { describe, expect, it } from 'vitest';
import { FIRST_STEP_MS, MIN_SILENCE_MS, TrainingHeartbeat, silenceAllowedMs, type Pong } from './heartbeat';
import { FakeClock } from './livenessFakes';

/** A heartbeat whose pings the test answers (or not) as the worker would. */
function heartbeat() {
  const clock = new FakeClock();
  const pings: number[] = [];
  const silent: number[] = [];
  const hb = new TrainingHeartbeat(
    clock,
    (seq) => pings.push(seq),
    (ms) => silent.push(ms),
  );
  /** Answer the latest ping. */
  const pong = (over: Partial<Pong> = {}): void => hb.answered({ seq: pings.at(-1) ?? 0, busy: true, stepMs: 2, ...over });
  return { clock, hb, pings, silent, pong };
}

describe('silenceAllowedMs', () => {
  it('allows 50 steps of silence, at least 0.75 s, and 2 minutes before the first step', () => {
    expect(silenceAllowedMs(2)).toBe(MIN_SILENCE_MS);
    expect(silenceAllowedMs(40)).toBe(2000);
    expect(silenceAllowedMs(5000)).toBe(250_000);
    expect(silenceAllowedMs(null)).toBe(FIRST_STEP_MS);
  });
});

describe('TrainingHeartbeat', () => {
  it('a fast model that falls silent is declared stopped within a second', () => {
    const { clock, hb, silent, pong } = heartbeat();
    hb.expect(false);
    clock.advance(200);
    pong({ stepMs: 2 });
    clock.advance(750);
    expect(silent).toEqual([]);
    clock.advance(100);
    expect(silent).toEqual([800]);
  });

  it('records that name their step time end the first-step allowance: a new model killed before its next pong is caught within a second', () => {
    const { clock, hb, silent, pong } = heartbeat();
    hb.expect(true);
    clock.advance(100);
    pong({ stepMs: null }); // answered before the first step ended
    clock.advance(50);
    hb.heard();
    hb.stepped(3); // records of the first steps, 3 ms each; then the worker dies
    clock.advance(1000);
    expect(silent).toHaveLength(1);
    expect(silent[0]).toBeLessThanOrEqual(1000);
  });

  it('a replay after a flag gets a first step’s allowance (its checks compile first on a GPU backend), and the next records end it', () => {
    const { clock, hb, silent, pong } = heartbeat();
    hb.expect(false);
    clock.advance(100);
    pong({ stepMs: 40 }); // 40 ms steps: 2 s of silence allowed
    hb.heard();
    hb.replaying();
    clock.advance(10_000); // the replay compiles its kernels: silent for 10 s
    expect(silent).toEqual([]);
    hb.heard();
    hb.stepped(40);
    clock.advance(2100);
    expect(silent).toHaveLength(1);
  });

  it('a slow step is not a false alarm: 5 s steps, a 40 s step that replays a flag, then silence past the rule', () => {
    const { clock, hb, silent, pong } = heartbeat();
    hb.expect(false);
    clock.advance(100);
    pong({ stepMs: 5000 });
    for (let i = 0; i < 3; i++) {
      clock.advance(5000); // one step: no answer until it ends
      hb.heard(); // its records
      pong({ stepMs: 5000 });
    }
    clock.advance(40_000); // a step that trips the sentinel and replays 7 steps from its snapshot
    pong({ stepMs: 40_000 });
    clock.advance(5000);
    pong({ stepMs: 5000 });
    expect(silent).toEqual([]);
    clock.advance(250_000);
    expect(silent).toEqual([]);
    clock.advance(200);
    expect(silent).toHaveLength(1);
  });

  it("a new model's first step gets two minutes, since its time is unknown", () => {
    const { clock, hb, silent, pong } = heartbeat();
    hb.expect(true);
    clock.advance(100);
    pong({ stepMs: null });
    clock.advance(100_000);
    expect(silent).toEqual([]);
    clock.advance(FIRST_STEP_MS);
    expect(silent).toHaveLength(1);
  });

  it('an idle worker asked to train answers the ping sent ahead of the request, or is stopped within a second', () => {
    const { clock, hb, pings, silent, pong } = heartbeat();
    hb.expect(true); // configure
    clock.advance(100);
    pong({ busy: false, stepMs: null }); // built and idle: the watch stops
    clock.advance(10_000);
    expect(pings).toEqual([1]);
    hb.expect(false); // play: a ping goes first
    expect(pings).toEqual([1, 2]);
    clock.advance(800); // …and is never answered, although no step time is known
    expect(silent).toEqual([800]);
  });

  it('once the ping ahead of a request is answered, the slow first step is allowed for', () => {
    const { clock, hb, pings, silent, pong } = heartbeat();
    hb.expect(true);
    clock.advance(100);
    pong({ busy: false, stepMs: null });
    hb.expect(false);
    pong({ seq: pings.at(-1)!, busy: false, stepMs: null }); // answered before the worker read the play
    clock.advance(60_000);
    expect(silent).toEqual([]);
  });

  it('an answer to a ping sent before the latest request does not end the watch', () => {
    const { clock, hb, pings, pong } = heartbeat();
    hb.expect(false);
    clock.advance(100);
    const before = pings.at(-1)!;
    hb.expect(false); // e.g. a pause, sent after that ping
    hb.answered({ seq: before, busy: false, stepMs: 2 });
    clock.advance(100);
    expect(pings.at(-1)).toBeGreaterThan(before);
    pong({ busy: false });
    const sent = pings.length;
    clock.advance(5000);
    expect(pings.length).toBe(sent);
  });
});
