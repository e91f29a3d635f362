/**
 * Every preset, one or more per code example of the five source articles (titles and example counts:
 * seedIndex.json), plus the lessons taken from TensorFlow Playground, with the article list for the
 * gallery. Presets hold settings and claims only; outcomes come from running them.
 */
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import type { Article, ArticleSource, Preset, PresetSource } from './presetTypes';
import { PREDICTION_SCALE_PRESETS } from './presets/predictionScale';
import { UNET_LOSS_PRESETS } from './presets/unetLosses';
import { LOSS_TROUBLESHOOTING_PRESETS } from './presets/lossTroubleshooting';
import { MEAN_REDUCTION_PRESETS } from './presets/meanReduction';
import { TRAINING_FAILURE_PRESETS } from './presets/trainingFailures';
import { AUTOENCODER_PRESETS } from './presets/autoencoder';
import { PLANE_CLASSIFICATION_PRESETS } from './presets/planeClassification';

export type { Article, ArticleSource, ClaimCheck, PlaygroundSource, Preset, PresetSource } from './presetTypes';

/** The articles in file order; `examples` is the number of code examples each contains. */
export const ARTICLES: readonly Article[] = [
  { file: '000_f62fa187e79491aa.txt', topic: 'MSE turns NaN on a U-Net while L1 does not', examples: 3 },
  { file: '001_b89798d26df32612.txt', topic: 'Three usual suspects for a NaN loss', examples: 3 },
  { file: '002_af9388c2a6e358a2.txt', topic: 'NaN blamed on the mean in MSE', examples: 3 },
  { file: '003_cb3daac581db8352.txt', topic: 'Scaling, log(0) and a broken backward', examples: 3 },
  { file: '004_4487f885cc4d5f4e.txt', topic: 'NaN while training an autoencoder', examples: 3 },
];

export const PRESETS: readonly Preset[] = [
  ...UNET_LOSS_PRESETS,
  ...PREDICTION_SCALE_PRESETS,
  ...LOSS_TROUBLESHOOTING_PRESETS,
  ...MEAN_REDUCTION_PRESETS,
  ...TRAINING_FAILURE_PRESETS,
  ...AUTOENCODER_PRESETS,
  ...PLANE_CLASSIFICATION_PRESETS,
];

const BY_ID: ReadonlyMap<string, Preset> = new Map(PRESETS.map((p) => [p.id, p]));

export function presetById(id: string): Preset | undefined {
  return BY_ID.get(id);
}

/** The full scenario a preset runs: DEFAULT_SCENARIO with the preset's differences applied. */
export function presetScenario(preset: Preset): Scenario {
  // Copy the array so that editing the result never reaches the frozen default or the preset.
  const merged: Scenario = { ...DEFAULT_SCENARIO, ...preset.scenario };
  return { ...merged, hidden: [...merged.hidden] };
}

/** True when the source is an article's code example (the kind may be left out). */
export function isArticleSource(source: PresetSource): source is ArticleSource {
  return source.kind !== 'playground';
}

/** Presets of one article, in example order, for the gallery. */
export function presetsOfArticle(file: string): Preset[] {
  const example = (p: Preset): number => (isArticleSource(p.source) ? p.source.example : 0);
  return PRESETS.filter((p) => isArticleSource(p.source) && p.source.file === file).sort((a, b) => example(a) - example(b));
}

/** The lessons taken from TensorFlow Playground, in declaration order, for the gallery. */
export function playgroundPresets(): Preset[] {
  return PRESETS.filter((p) => p.source.kind === 'playground');
}

/** The source in one line: "003_….txt #2", or "TensorFlow Playground: the default network on the circle". */
export function sourceText(source: PresetSource): string {
  return isArticleSource(source) ? `${source.file} #${source.example}` : `TensorFlow Playground: ${source.setting}`;
}
