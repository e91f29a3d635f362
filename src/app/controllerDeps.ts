/**
 * What the controller takes from the browser: workers, frames, the clock, the address bar and
 * timers. main.tsx passes the real ones; the controller's tests pass fakes they drive by hand, so
 * each decision (push or replace, live change or rebuild, a stale reply) is checked without a page.
 */
import type { FrameScheduler } from '../state/liveRun';
import type { HistoryLike } from '../state/urlSync';
import type { SetTimer } from './notices';

export interface ControllerDeps {
  makeWorker: () => Worker;
  makeOutcomeWorker: () => Worker;
  /** The live feeds' scheduler (with setTimer, their pacing: state/liveRun.ts). */
  schedule: FrameScheduler;
  now: () => number;
  history: HistoryLike;
  /** Read at the time of use: Back/Forward change it under the page. */
  location: { readonly pathname: string; readonly search: string };
  setTimer: SetTimer;
  /** Keep the memory budget's choice in this browser (null: forget it); absent where there is no storage. */
  storeBudget?: (value: string | null) => void;
}
