import { useCallback, useSyncExternalStore } from 'react';
import type { LiveRun, LiveView } from './liveRun';

const asList = (runs: LiveRun | readonly LiveRun[]): readonly LiveRun[] => (Array.isArray(runs) ? runs : [runs as LiveRun]);

/**
 * Follow `view` of one or more live runs. Without `read`, returns their versions as one value (a
 * string for several runs, so it compares by value): the component re-renders exactly when the
 * view should redraw and then reads the runs' mutable series itself. With `read`, returns what it
 * reads and re-renders only when that changes (return a primitive, as with a store selector).
 * Pass a list that keeps its identity between renders, or the subscription is redone each time.
 */
export function useLive(runs: LiveRun | readonly LiveRun[], view: LiveView): number | string;
export function useLive<T>(runs: LiveRun | readonly LiveRun[], view: LiveView, read: () => T): T;
export function useLive<T>(runs: LiveRun | readonly LiveRun[], view: LiveView, read?: () => T): T | number | string {
  const subscribe = useCallback(
    (listener: () => void) => {
      const offs = asList(runs).map((run) => run.subscribe(view, listener));
      return () => offs.forEach((off) => off());
    },
    [runs, view],
  );
  const versions = (): number | string =>
    Array.isArray(runs)
      ? asList(runs)
          .map((run) => run.version(view))
          .join(',')
      : (runs as LiveRun).version(view);
  const snapshot: () => T | number | string = read ?? versions;
  return useSyncExternalStore<T | number | string>(subscribe, snapshot, snapshot);
}
