/**
 * When the "new version is ready" notice appears. A new build waits until someone asks for it (a
 * reload would drop a running model), and its notice waits until no run is training, so it never pops up
 * over a live demo on a projector; once up, it stays until used or dismissed.
 */
import type { AppStore } from '../state/appState';

/** What the notice does on the page (the DOM in offline.ts, a record in tests). */
export interface UpdateView {
  show(): void;
  hide(): void;
}

export interface UpdateNotice {
  /** A new build is installed and waiting. */
  ready(): void;
  /** The user closed the notice: this page does not ask again. */
  dismiss(): void;
}

/** Follow the store's `running` for a waiting build; the view is shown and hidden at most once each. */
export function followUpdate(store: AppStore, view: UpdateView): UpdateNotice {
  let waiting = false;
  let dismissed = false;
  let shown = false;
  const update = (): void => {
    const visible = waiting && !dismissed && (shown || !store.getState().running);
    if (visible === shown) return;
    shown = visible;
    if (visible) view.show();
    else view.hide();
  };
  store.subscribe(update);
  return {
    ready() {
      waiting = true;
      update();
    },
    dismiss() {
      dismissed = true;
      update();
    },
  };
}
