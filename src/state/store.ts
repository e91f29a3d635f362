/**
 * A minimal vanilla store (the zustand shape without the dependency): state is replaced, never
 * mutated, so React's useSyncExternalStore can compare snapshots by identity.
 */
export type Listener = () => void;

export interface Store<T> {
  getState(): T;
  setState(patch: Partial<T> | ((state: T) => Partial<T>)): void;
  subscribe(listener: Listener): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    setState(patch) {
      const partial = typeof patch === 'function' ? patch(state) : patch;
      let changed = false;
      for (const key of Object.keys(partial) as (keyof T)[]) {
        if (!Object.is(partial[key], state[key])) changed = true;
      }
      // Notifying on a no-op would re-render every subscriber for nothing.
      if (!changed) return;
      state = { ...state, ...partial };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
