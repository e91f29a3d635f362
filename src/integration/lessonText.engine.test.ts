// Every text a lesson shows about its outcome, for every preset in every precision, read as a person reads it: no
// line said twice, "1 steps", a hyphen-minus before Inf, or a code id where the option has words. The texts come
// from the same functions the page uses (the outcome, the lesson verdict, the badge, the diagnosis), on cpu.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer } from '../engine/trainer';
import type { Precision } from '../engine/scenario';
import { computeOutcome } from '../runs/outcome';
import { presetOutcomeOf } from '../runs/presetOutcomeOf';
import { PRESETS, presetScenario, type Preset } from '../scenarios/presets';
import { VALUE_LABELS } from '../scenarios/valueLabels';
import { diagnose } from '../ui/diagnosis';
import { lessonVerdict } from '../ui/lessonVerdict';
import { verdictBadge } from '../ui/verdictText';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Code ids a sentence must not show: the camelCase ones, and the lowercase ones no English word shares.
const CODE_IDS = Object.values(VALUE_LABELS)
  .flatMap((labels) => Object.entries(labels as Record<string, string>))
  .filter(([id, label]) => id !== label && (/[A-Z]/.test(id) || ['zscore', 'minmax', 'rmsprop', 'adamw', 'msle', 'unet', 'mlp'].includes(id)))
  .map(([id]) => id);

/** What is wrong with one set of lines shown together, as a list of problems (empty: none). */
export function textProblems(lines: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line)) problems.push(`said twice: "${line}"`);
    seen.add(line);
    if (/(^|[^0-9.])1 steps\b/.test(line)) problems.push(`"1 steps": "${line}"`);
    if (/-Inf/.test(line)) problems.push(`hyphen-minus before Inf: "${line}"`);
    for (const id of CODE_IDS) if (new RegExp(`\\b${id}\\b`).test(line)) problems.push(`code id ${id}: "${line}"`);
  }
  return problems;
}

// Long lessons are cut to 300 steps and the U-Net's claim search left out: the texts, not the verdicts, are tested.
function linesOf(preset: Preset, precision: Precision): string[] {
  const scenario = { ...presetScenario(preset), precision };
  scenario.steps = Math.min(scenario.steps, 300);
  const unet = scenario.model === 'unet';
  const { run, outcome } = computeOutcome(scenario, preset.claim.check, createTrainer, { preset: preset.id, maxRuns: 3, search: !unet });
  const shown = presetOutcomeOf(preset.id, 'cpu', run, outcome);
  const v = lessonVerdict({ reference: shown, watched: null, quirks: [], edited: false });
  const edited = lessonVerdict({ reference: shown, watched: shown, quirks: [], edited: true });
  const d = diagnose(run.report, [], scenario, []);
  const verdictLines = [
    verdictBadge(shown).text,
    `${v.text}. ${v.event}.`,
    v.search,
    v.stall,
    edited.asWritten,
    ...shown.trials.map((t) => `${t.setting}: ${t.observed}`),
  ];
  const diagnosisLines = d ? [d.headline, ...d.details, ...d.fixes.map((f) => `${f.label}: ${f.why}`)] : [];
  return [...verdictLines.filter((l): l is string => l !== null), ...diagnosisLines];
}

describe('the words of every lesson', () => {
  it('the checker finds each kind of mistake (it can fail)', () => {
    expect(textProblems(['in 1 steps', '-Inf first', 'reduction sumThenDivide', 'a', 'a'])).toEqual([
      '"1 steps": "in 1 steps"',
      'hyphen-minus before Inf: "-Inf first"',
      'code id sumThenDivide: "reduction sumThenDivide"',
      'said twice: "a"',
    ]);
    expect(textProblems(['in 11 steps', '−Inf first', 'sum, then ÷ n', 'in 1 step'])).toEqual([]);
  });

  for (const precision of ['float32', 'float16', 'bfloat16'] as const) {
    it(`every preset in ${precision}`, () => {
      const problems = PRESETS.flatMap((p) => textProblems(linesOf(p, precision)).map((problem) => `${p.id}: ${problem}`));
      expect(problems).toEqual([]);
    }, 600_000);
  }
});
