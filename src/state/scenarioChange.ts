/**
 * What a scenario change does to the address bar and to the model, decided in one place.
 * - Control changes replace the history entry (a slider drag must not fill the Back button);
 *   structural changes, preset changes and explicit pushes (an import) push one, so Back and
 *   Forward walk between models. Following Back/Forward writes nothing.
 * - Structural changes (schema.ts marks them) rebuild the model from step 0; other changes are
 *   live: the weights and the step count carry over.
 */
import type { Scenario } from '../engine/scenario';
import { FIELD_BY_KEY } from '../scenarios/schema';
import { changedFields, structuralChanges } from './urlSync';

export type UrlWrite = 'push' | 'replace' | 'none';
export type ModelChange = 'none' | 'live' | 'rebuild';

export interface ChangePlan {
  url: UrlWrite;
  model: ModelChange;
  /** The structural fields that changed (named in the "model reset" notice). */
  structural: (keyof Scenario)[];
}

export interface ChangeContext {
  presetChanged: boolean;
  /** Push a history entry even for a live change (an imported run file). */
  push?: boolean;
  /** The address bar already shows `next` (Back/Forward). */
  fromHistory?: boolean;
}

/** The plan for moving from `prev` to `next`, or null when nothing changes at all. */
export function planScenarioChange(prev: Scenario, next: Scenario, context: ChangeContext): ChangePlan | null {
  const changed = changedFields(prev, next);
  if (changed.length === 0 && !context.presetChanged) return null;
  const structural = structuralChanges(prev, next);
  const url: UrlWrite = context.fromHistory ? 'none' : context.push || context.presetChanged || structural.length > 0 ? 'push' : 'replace';
  const model: ModelChange = changed.length === 0 ? 'none' : structural.length > 0 ? 'rebuild' : 'live';
  return { url, model, structural };
}

/** What the page says when a change rebuilds the model, naming the fields by their labels. */
export function modelResetNotice(structural: readonly (keyof Scenario)[]): string {
  const names = structural.map((k) => FIELD_BY_KEY.get(k)?.label ?? k).join(', ');
  return `Model reset: ${names} changed, so training starts again from step 0.`;
}
