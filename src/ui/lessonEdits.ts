/**
 * How the scenario on screen differs from the lesson it was opened from, in words ("Learning rate
 * 0.01 → 0.1"), so an edited lesson never passes for the one the verdict is about.
 */
import type { Scenario } from '../engine/scenario';
import { FIELD_BY_KEY } from '../scenarios/schema';
import { lessonChanges } from '../state/outcomeQuestions';
import { valueLabel } from '../scenarios/valueLabels';
import { formatFieldValue } from './fieldText';

export interface LessonEdit {
  key: keyof Scenario;
  text: string;
}

/** The fields of `now` that differ from the lesson's `base`, each as "Label old → new". */
export function lessonEdits(base: Scenario, now: Scenario): LessonEdit[] {
  return lessonChanges(base, now).flatMap((key) => {
    const field = FIELD_BY_KEY.get(key);
    if (!field) return [];
    const show = (v: Scenario[keyof Scenario]): string => (field.type === 'enum' ? valueLabel(key, String(v)) : formatFieldValue(field, v));
    return [{ key, text: `${field.label} ${show(base[key])} → ${show(now[key])}` }];
  });
}
