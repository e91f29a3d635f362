import { useSyncExternalStore } from 'react';
import type { Store } from './store';

/**
 * Subscribe a component to one slice of a store. The selector must return a value that keeps its
 * identity while unchanged (a field, not a fresh object), or React would re-render every update.
 */
export function useStore<T extends object, S>(store: Store<T>, selector: (state: T) => S): S {
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}
