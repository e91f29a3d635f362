/**
 * When two values of a scenario field are the same setting. The URL codec writes only what differs
 * from its base, the address bar and the model change only when something differs, and a control
 * marks its default: all of them must agree on "differs", or a link would carry a key the app thinks
 * is unchanged.
 */
import type { Scenario } from '../engine/scenario';

type FieldValue = Scenario[keyof Scenario];

/** Same setting: lists item by item, NaN the same as NaN, 0 the same as −0. */
export function sameFieldValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameNumber(x, b[i]!));
  }
  return typeof a === 'number' && typeof b === 'number' ? sameNumber(a, b) : a === b;
}

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}
