/** The address bar as the store sees it: the scenario plus the view flags that travel in a link. */
import type { AppState } from '../state/appState';
import { writeLocation, type HistoryLike } from '../state/urlSync';

export interface Address {
  history: HistoryLike;
  location: { readonly pathname: string };
}

/** Write the store's scenario, preset, speed, embed and classroom flags and its open map to the address bar. */
export function writeAddress(address: Address, s: AppState, mode: 'push' | 'replace'): void {
  const { scenario, embed, preset, speed, classroom, map } = s;
  writeLocation(address.history, address.location.pathname, scenario, { embed, preset, speed, classroom, map }, mode);
}
