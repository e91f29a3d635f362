import { describe, expect, it } from 'vitest';
import { createStore } from './store';

describe('createStore', () => {
  it('merges patches and notifies subscribers', () => {
    const store = createStore({ a: 1, b: 'x' });
    let calls = 0;
    store.subscribe(() => calls++);
    store.setState({ a: 2 });
    expect(store.getState()).toEqual({ a: 2, b: 'x' });
    expect(calls).toBe(1);
  });

  it('accepts an updater function', () => {
    const store = createStore({ n: 1 });
    store.setState((s) => ({ n: s.n + 1 }));
    expect(store.getState().n).toBe(2);
  });

  it('does not notify or replace state when nothing changed', () => {
    const store = createStore({ a: 1 });
    const before = store.getState();
    let calls = 0;
    store.subscribe(() => calls++);
    store.setState({ a: 1 });
    expect(calls).toBe(0);
    expect(store.getState()).toBe(before);
  });

  it('treats NaN as equal to NaN (Object.is), so a NaN loss does not loop', () => {
    const store = createStore({ v: Number.NaN });
    let calls = 0;
    store.subscribe(() => calls++);
    store.setState({ v: Number.NaN });
    expect(calls).toBe(0);
  });

  it('stops notifying after unsubscribe', () => {
    const store = createStore({ a: 1 });
    let calls = 0;
    const off = store.subscribe(() => calls++);
    off();
    store.setState({ a: 2 });
    expect(calls).toBe(0);
  });
});
