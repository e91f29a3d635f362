/** Short-lived messages on screen ("model reset: …", "link copied"): each goes away after NOTICE_MS. */
import type { AppStore } from '../state/appState';

export const NOTICE_MS = 8000;

export type SetTimer = (callback: () => void, ms: number) => void;

/** Show `message` (once, moved to the end if already shown) and take it down after NOTICE_MS. */
export function showNotice(store: AppStore, setTimer: SetTimer, message: string): void {
  store.setState((s) => ({ notices: [...s.notices.filter((n) => n !== message), message] }));
  setTimer(() => store.setState((s) => ({ notices: s.notices.filter((n) => n !== message) })), NOTICE_MS);
}
