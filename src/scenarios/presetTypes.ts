/**
 * The shape of a preset. A preset states what an article claims and how to test it; what actually
 * happens is computed by running it (src/runs/outcome.ts) and is never stored here.
 */
import type { Phase } from '../engine/records';
import type { Scenario } from '../engine/scenario';

/** A claim a run can be checked against without judgement. */
export type ClaimCheck =
  /**
   * Some watched quantity turns NaN or ±Inf at or before this step. `where`: the phases the article blames, in our
   * words; a first non-finite value elsewhere makes the claim come true for another reason than the article gives.
   */
  | { expect: 'nonFinite'; withinSteps: number; where?: ClaimMechanism }
  /** Nothing watched turns non-finite during the whole run. */
  | { expect: 'finite' }
  /** The loss is finite and below `value`, at `atStep` (1-based) or else at the end of the run. */
  | { expect: 'lossBelow'; value: number; atStep?: number }
  /** The loss is finite and above `value` (a huge but representable loss). */
  | { expect: 'lossAbove'; value: number; atStep?: number };

/** Where an article puts the first non-finite value: the step phases (and quantities), and the same in words. */
export interface ClaimMechanism {
  phases: readonly Phase[];
  /** Narrower still: the quantities (by prefix, e.g. loss/value, the reduced loss, not loss/elements, its terms). */
  quantities?: readonly string[];
  words: string;
}

/** Where a preset comes from: a code example of one of the articles, or a TensorFlow Playground setting. */
export type PresetSource = ArticleSource | PlaygroundSource;

/** A code example of one of the source articles (the kind every preset had before there were others, so it may go unnamed). */
export interface ArticleSource {
  kind?: 'article';
  /** The article's file name, as listed in seedIndex.json. */
  file: string;
  /** 1-based index of the code example in that file. */
  example: number;
}

/** A setting people know from TensorFlow Playground, not from an article: a lesson, with no article to cite. */
export interface PlaygroundSource {
  kind: 'playground';
  /** What is taken from there, in a few words ("the default network on the circle"). */
  setting: string;
}

export interface Preset {
  /** Stable: it appears in shared links (?preset=id). */
  id: string;
  title: string;
  source: PresetSource;
  /** Broken/fixed pairs point at each other; a fix that is one of several points at the broken one. */
  pair?: { role: 'broken' | 'fixed'; other: string };
  /** What the example sets up, in our words. */
  explanation: string;
  /** The article's claim, paraphrased, and the check that decides it. */
  claim: { statement: string; check: ClaimCheck };
  /** Differences from DEFAULT_SCENARIO. */
  scenario: Partial<Scenario>;
}

export interface Article {
  file: string;
  /** Our short name for the article's topic, for the gallery. */
  topic: string;
  /** How many code examples the article has. */
  examples: number;
}
