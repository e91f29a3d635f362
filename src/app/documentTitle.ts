/** The tab's title follows the scenario and preset (a shared link's tab names its example). */
import type { AppStore } from '../state/appState';
import { scenarioTitle } from '../state/codecAdapter';

/** Keep the title in step with the store; returns the unsubscribe. */
export function followTitle(store: AppStore, setTitle: (title: string) => void): () => void {
  let shown = '';
  const update = (): void => {
    const s = store.getState();
    const title = scenarioTitle(s.scenario, s.preset ?? undefined);
    if (title === shown) return;
    shown = title;
    setTitle(title);
  };
  update();
  return store.subscribe(update);
}
