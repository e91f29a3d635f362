/**
 * The URL codec as the app uses it: src/scenarios/codec.ts, plus the few keys the app reads
 * itself (autoplay, embed, speed, the classroom view, the stability map), which are taken out before decoding so the codec does not
 * report them as unknown.
 */
import { decodeScenario as decodeQuery, queryOf, type DecodedScenario } from '../scenarios/codec';
import { MAP_LINK_KEYS } from '../scenarios/mapLink';

export { encodeScenario, scenarioTitle } from '../scenarios/codec';

/** Keys the app reads itself; they are not scenario fields. */
const APP_KEYS = ['autoplay', 'embed', 'speed', 'classroom', 'panels', 'show', ...MAP_LINK_KEYS] as const;

export function decodeScenario(query: string): DecodedScenario {
  const params = new URLSearchParams(queryOf(query));
  for (const key of APP_KEYS) params.delete(key);
  return decodeQuery(params);
}
