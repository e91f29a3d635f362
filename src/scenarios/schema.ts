/**
 * The one table of scenario fields: type, range, URL name, label, help and whether a change needs a
 * new model. The URL codec, the validation and the UI controls are all derived from it, so a field
 * is added in one place. Defaults are read from DEFAULT_SCENARIO, never repeated here.
 */
import { z } from 'zod';
import {
  ACTIVATIONS,
  BACKENDS,
  CLIPPINGS,
  DATASETS,
  DEFAULT_SCENARIO,
  EPS_PLACEMENTS,
  INITS,
  LOSSES,
  MODEL_KINDS,
  NORMALIZATIONS,
  OPTIMIZERS,
  PRECISIONS,
  REDUCTIONS,
  UPSAMPLINGS,
  type Scenario,
} from '../engine/scenario';
import { OPTIONAL_PLANE_FEATURES } from '../engine/data/features2d';

// zod compiles object parsers with new Function() unless told not to; the page's CSP forbids eval
// (only wasm compilation is allowed), so without this every parse would first trip a CSP report.
z.config({ jitless: true });

export const FIELD_GROUPS = ['model', 'data', 'loss', 'optimizer', 'clipping', 'precision', 'run'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export interface NumberRange {
  min: number;
  max: number;
  /** Controls should move on a log scale (the value spans many decades). */
  log?: boolean;
  /** With log and min 0: the smallest positive value a log slider reaches; 0 is a separate "off". */
  logFloor?: number;
  /**
   * Where the slider ends when it ends before `max`: the values people usually want. Typed values,
   * links and the stability map may go on to `max` (the controls mark such a value).
   */
  usualMax?: number;
}

interface FieldCommon<K extends keyof Scenario> {
  key: K;
  url: string;
  group: FieldGroup;
  label: string;
  help: string;
  /** Changing it means building a new model and data set, not just adjusting a running one. */
  structural: boolean;
}

export type FieldSpec =
  | (FieldCommon<keyof Scenario> & { type: 'number' | 'integer'; range: NumberRange })
  | (FieldCommon<keyof Scenario> & { type: 'enum'; values: readonly string[] })
  | (FieldCommon<keyof Scenario> & { type: 'boolean' })
  | (FieldCommon<keyof Scenario> & { type: 'integerList'; range: NumberRange; minItems: number; maxItems: number });

/** A field with its default attached (taken from DEFAULT_SCENARIO). */
export type Field = FieldSpec & { default: Scenario[keyof Scenario] };

const num = (min: number, max: number, extra: Partial<NumberRange> = {}): NumberRange => ({ min, max, ...extra });

/**
 * The largest power of ten float32 holds (its largest value is 3.4e38): the ceiling of the ranges
 * that must reach every lesson's float32 cliff, since past it the setting itself would be +Inf.
 */
export const FLOAT32_DECADE_MAX = 1e38;

/** A range bound as messages write it: 10000, 1e-8, 1e38 (no "+", as in the links). */
export function boundText(n: number): string {
  return String(n).replace('e+', 'e');
}

/** The optional 2D input features as boolean fields, in column order (engine/data/features2d.ts). */
function planeFeatureSpecs(): FieldSpec[] {
  const words: Record<(typeof OPTIONAL_PLANE_FEATURES)[number], { url: string; label: string }> = {
    x1Squared: { url: 'x1sq', label: 'Feature x1²' },
    x2Squared: { url: 'x2sq', label: 'Feature x2²' },
    x1TimesX2: { url: 'x1x2', label: 'Feature x1·x2' },
    sinX1: { url: 'sinx1', label: 'Feature sin(x1)' },
    sinX2: { url: 'sinx2', label: 'Feature sin(x2)' },
  };
  return OPTIONAL_PLANE_FEATURES.map((key) => ({
    key,
    ...words[key],
    group: 'data',
    type: 'boolean',
    structural: true,
    help: '2D data sets: one more input column besides x1 and x2.',
  }));
}

// Order matters: it is the order of the URL keys and of the controls inside each group.
const SPECS: FieldSpec[] = [
  // model
  {
    key: 'model',
    url: 'model',
    group: 'model',
    type: 'enum',
    values: MODEL_KINDS,
    structural: true,
    label: 'Model',
    help: 'Which network is trained; "predictions" trains the prediction vector itself, for loss-only experiments.',
  },
  {
    key: 'hidden',
    url: 'hidden',
    group: 'model',
    type: 'integerList',
    range: num(1, 256),
    minItems: 1,
    maxItems: 8,
    structural: true,
    label: 'Hidden sizes',
    help: 'Widths of the hidden layers, comma separated; for the autoencoder, the code size.',
  },
  {
    key: 'activation',
    url: 'act',
    group: 'model',
    type: 'enum',
    values: ACTIVATIONS,
    structural: true,
    label: 'Activation',
    help: 'Non-linearity between dense layers.',
  },
  {
    key: 'init',
    url: 'init',
    group: 'model',
    type: 'enum',
    values: INITS,
    structural: true,
    label: 'Initialisation',
    help: 'How the starting weights are drawn.',
  },
  {
    key: 'initGain',
    url: 'gain',
    group: 'model',
    type: 'number',
    range: num(1e-3, 1e3, { log: true }),
    structural: true,
    label: 'Init gain',
    help: 'Multiplier on the initial weights; large gains start training near overflow.',
  },
  {
    key: 'imageSize',
    url: 'img',
    group: 'model',
    type: 'integer',
    range: num(16, 128),
    structural: true,
    label: 'Image size',
    help: 'U-Net input is N×N pixels.',
  },
  {
    key: 'depth',
    url: 'depth',
    group: 'model',
    type: 'integer',
    range: num(1, 3),
    structural: true,
    label: 'U-Net depth',
    help: 'Number of down/up-sampling levels.',
  },
  {
    key: 'filters',
    url: 'filters',
    group: 'model',
    type: 'integer',
    range: num(4, 32),
    structural: true,
    label: 'U-Net filters',
    help: 'Channels of the first level; doubled at each level down.',
  },
  { key: 'batchNorm', url: 'bn', group: 'model', type: 'boolean', structural: true, label: 'Batch norm', help: 'Normalise U-Net activations per batch.' },
  {
    key: 'upsampling',
    url: 'up',
    group: 'model',
    type: 'enum',
    values: UPSAMPLINGS,
    structural: true,
    label: 'Upsampling',
    help: 'How the U-Net grows feature maps back.',
  },
  {
    key: 'gradFault',
    url: 'fault',
    group: 'model',
    type: 'boolean',
    structural: true,
    label: 'Faulty backward',
    help: 'customSquare only: the hand-written gradient divides by zero.',
  },
  // data
  {
    key: 'dataset',
    url: 'data',
    group: 'data',
    type: 'enum',
    values: DATASETS,
    structural: true,
    label: 'Data set',
    help: 'Seeded synthetic data, the fixed numbers of an article example, or points in the plane to classify (circle, xor, gaussians, spiral).',
  },
  {
    key: 'samples',
    url: 'n',
    group: 'data',
    type: 'integer',
    range: num(1, 100_000),
    structural: true,
    label: 'Samples',
    help: 'Rows of generated data (fixed article data sets ignore it).',
  },
  {
    key: 'features',
    url: 'feat',
    group: 'data',
    type: 'integer',
    range: num(1, 256),
    structural: true,
    label: 'Features',
    help: 'Input width of synthetic and uniform data (the 2D data sets take theirs from the plane features).',
  },
  {
    key: 'inputScale',
    url: 'scale',
    group: 'data',
    type: 'number',
    // The autoencoder lessons first overflow at about 1e10 (plain) and 1e20 (scaled, tanh): the old
    // cap of 1e12 stays the slider's end, typed values and the map go on to the float32 ceiling.
    range: num(1e-3, FLOAT32_DECADE_MAX, { log: true, usualMax: 1e12 }),
    structural: true,
    label: 'Input scale',
    help: 'Multiplier on the inputs; large values make gradients explode.',
  },
  {
    key: 'normalization',
    url: 'norm',
    group: 'data',
    type: 'enum',
    values: NORMALIZATIONS,
    structural: true,
    label: 'Normalisation',
    help: 'Preprocessing of the inputs before training.',
  },
  {
    key: 'outlierFraction',
    url: 'outf',
    group: 'data',
    type: 'number',
    range: num(0, 0.5),
    structural: true,
    label: 'Outlier fraction',
    help: 'Share of rows replaced by extreme values.',
  },
  {
    key: 'outlierMagnitude',
    url: 'outm',
    group: 'data',
    type: 'number',
    range: num(1, 1e12, { log: true }),
    structural: true,
    label: 'Outlier size',
    help: 'How far the outliers sit from the rest of the data.',
  },
  {
    key: 'noise',
    url: 'noise',
    group: 'data',
    type: 'number',
    range: num(0, 0.5),
    structural: true,
    label: 'Noise',
    help: '2D data sets: how far points stray across their class boundary (0.5 is 50 %).',
  },
  {
    key: 'trainFraction',
    url: 'train',
    group: 'data',
    type: 'number',
    range: num(0.1, 0.9),
    structural: true,
    label: 'Training share',
    help: '2D data sets: share of the points trained on; the rest are held out to test on.',
  },
  ...planeFeatureSpecs(),
  // loss
  { key: 'loss', url: 'loss', group: 'loss', type: 'enum', values: LOSSES, structural: false, label: 'Loss', help: 'What is minimised; "ratio" is e²/(e²+ε).' },
  {
    key: 'reduction',
    url: 'red',
    group: 'loss',
    type: 'enum',
    values: REDUCTIONS,
    structural: false,
    label: 'Reduction',
    help: 'One mean, a sum divided by n, or a plain sum over the samples.',
  },
  {
    key: 'huberDelta',
    url: 'delta',
    group: 'loss',
    type: 'number',
    range: num(1e-6, 1e6, { log: true }),
    structural: false,
    label: 'Huber δ',
    help: 'Where the Huber loss turns from quadratic to linear.',
  },
  {
    key: 'lossEps',
    url: 'eps',
    group: 'loss',
    type: 'number',
    range: num(0, 1, { log: true, logFloor: 1e-12 }),
    structural: false,
    label: 'Loss ε',
    help: 'Small constant inside the naive cross-entropy logs and the ratio loss.',
  },
  {
    key: 'epsPlacement',
    url: 'epsat',
    group: 'loss',
    type: 'enum',
    values: EPS_PLACEMENTS,
    structural: false,
    label: 'ε placement',
    help: 'Cross-entropy: no ε, ε in log(p) only, or in both logs.',
  },
  {
    key: 'predictionClamp',
    url: 'pclamp',
    group: 'loss',
    type: 'number',
    range: num(0, 1e12),
    structural: false,
    label: 'Prediction clamp',
    help: 'Clamp predictions to ±value before the loss; 0 turns it off.',
  },
  // optimizer
  { key: 'optimizer', url: 'opt', group: 'optimizer', type: 'enum', values: OPTIMIZERS, structural: false, label: 'Optimizer', help: 'Update rule.' },
  {
    key: 'lr',
    url: 'lr',
    group: 'optimizer',
    type: 'number',
    // Adam moves each weight by about lr a step, whatever the gradient, so its lessons overflow
    // only far past 1e4 (the autoencoder at about 1e6, with a tanh code at about 1e18).
    range: num(1e-8, FLOAT32_DECADE_MAX, { log: true, usualMax: 1e4 }),
    structural: false,
    label: 'Learning rate',
    help: 'Step size; too large and the weights overflow.',
  },
  {
    key: 'momentum',
    url: 'mom',
    group: 'optimizer',
    type: 'number',
    range: num(0, 0.9999),
    structural: false,
    label: 'Momentum',
    help: 'Momentum and RMSprop decay.',
  },
  {
    key: 'beta1',
    url: 'b1',
    group: 'optimizer',
    type: 'number',
    range: num(0, 0.9999),
    structural: false,
    label: 'Adam β1',
    help: 'Decay of the running mean of gradients.',
  },
  {
    key: 'beta2',
    url: 'b2',
    group: 'optimizer',
    type: 'number',
    range: num(0, 0.999999),
    structural: false,
    label: 'Adam β2',
    help: 'Decay of the running mean of squared gradients.',
  },
  {
    key: 'adamEps',
    url: 'aeps',
    group: 'optimizer',
    type: 'number',
    range: num(0, 1, { log: true, logFloor: 1e-12 }),
    structural: false,
    label: 'Adam ε',
    help: 'Added to the denominator of the Adam step; 0 risks 0/0.',
  },
  {
    key: 'weightDecay',
    url: 'wd',
    group: 'optimizer',
    type: 'number',
    range: num(0, 1, { log: true, logFloor: 1e-8 }),
    structural: false,
    label: 'Weight decay',
    help: 'L2 penalty (decoupled for AdamW).',
  },
  {
    key: 'batchSize',
    url: 'batch',
    group: 'optimizer',
    type: 'integer',
    range: num(0, 100_000),
    structural: false,
    label: 'Batch size',
    help: 'Rows per step; 0 uses the whole data set.',
  },
  // clipping
  {
    key: 'clipping',
    url: 'clip',
    group: 'clipping',
    type: 'enum',
    values: CLIPPINGS,
    structural: false,
    label: 'Gradient clipping',
    help: 'None, clip each value, or rescale to a global norm.',
  },
  {
    key: 'clipValue',
    url: 'clipv',
    group: 'clipping',
    type: 'number',
    range: num(1e-6, 1e6, { log: true }),
    structural: false,
    label: 'Clip threshold',
    help: 'Largest value or global norm the gradients may have.',
  },
  {
    key: 'skipNonFinite',
    url: 'skip',
    group: 'clipping',
    type: 'boolean',
    structural: false,
    label: 'Skip bad steps',
    help: 'Drop an update whose gradients hold NaN or Inf.',
  },
  // precision
  {
    key: 'precision',
    url: 'prec',
    group: 'precision',
    type: 'enum',
    values: PRECISIONS,
    structural: true,
    label: 'Precision',
    help: 'Number format of the weights and activations.',
  },
  {
    key: 'backend',
    url: 'be',
    group: 'precision',
    type: 'enum',
    values: BACKENDS,
    structural: true,
    label: 'Backend',
    help: 'Where tfjs computes; NaN handling differs between backends.',
  },
  // run
  {
    key: 'seed',
    url: 'seed',
    group: 'run',
    type: 'integer',
    range: num(1, 2 ** 31 - 1),
    structural: true,
    label: 'Seed',
    help: 'Same seed, same backend: same run.',
  },
  { key: 'steps', url: 'steps', group: 'run', type: 'integer', range: num(1, 100_000), structural: false, label: 'Steps', help: 'Length of a run.' },
  { key: 'sentinel', url: 'sentinel', group: 'run', type: 'boolean', structural: false, label: 'Sentinel', help: 'Check every step for the first NaN or Inf.' },
  {
    key: 'continueOnFlag',
    url: 'cont',
    group: 'run',
    type: 'boolean',
    structural: false,
    label: 'Keep going',
    help: 'Continue after the first non-finite step instead of pausing.',
  },
];

/** Every scenario field in URL order, with its default. */
export const FIELDS: readonly Field[] = Object.freeze(SPECS.map((spec) => ({ ...spec, default: DEFAULT_SCENARIO[spec.key] }) as Field));

/** The fields grouped for the controls, groups in FIELD_GROUPS order. */
export const FIELDS_BY_GROUP: readonly { group: FieldGroup; fields: readonly Field[] }[] = FIELD_GROUPS.map((group) => ({
  group,
  fields: FIELDS.filter((f) => f.group === group),
}));

export const FIELD_BY_KEY: ReadonlyMap<keyof Scenario, Field> = new Map(FIELDS.map((f) => [f.key, f]));
export const FIELD_BY_URL: ReadonlyMap<string, Field> = new Map(FIELDS.map((f) => [f.url, f]));

/** URL keys that are not scenario fields. */
export const VERSION_KEY = 'v';
export const PRESET_KEY = 'preset';
export const URL_VERSION = 1;

/** The zod schema of one field's value, built from its table row. */
function fieldSchema(field: Field): z.ZodType {
  switch (field.type) {
    case 'number':
      return z.number().min(field.range.min).max(field.range.max);
    // The range comes before int(): zod reports issues in check order, and int() carries bounds of
    // its own (±2^53 − 1), so 1e20 would otherwise be refused as above 9007199254740991.
    case 'integer':
      return z.number().min(field.range.min).max(field.range.max).int();
    case 'integerList':
      return z.array(z.number().min(field.range.min).max(field.range.max).int()).min(field.minItems).max(field.maxItems);
    case 'enum':
      return z.enum(field.values as [string, ...string[]]);
    case 'boolean':
      return z.boolean();
  }
}

const FIELD_SCHEMAS: ReadonlyMap<keyof Scenario, z.ZodType> = new Map(FIELDS.map((f) => [f.key, fieldSchema(f)]));

/** The whole scenario; strict, so a misspelt key is an error rather than silently dropped. */
export const ScenarioSchema = z.strictObject(Object.fromEntries(FIELDS.map((f) => [f.key, FIELD_SCHEMAS.get(f.key)!])));

/** One readable sentence for the first problem zod found, e.g. "above the maximum 10000". */
function describeIssue(issue: z.core.$ZodIssue): string {
  // Items are counted from 1 for people, as the URL parser counts them.
  const where = issue.path.length > 0 ? `item ${issue.path.map((p) => (typeof p === 'number' ? String(p + 1) : String(p))).join('.')} ` : '';
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item(s)` : `${where}below the minimum ${boundText(Number(issue.minimum))}`;
    case 'too_big':
      return issue.origin === 'array' ? `allows at most ${String(issue.maximum)} items` : `${where}above the maximum ${boundText(Number(issue.maximum))}`;
    case 'invalid_value':
      return `not one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.expected === 'int' ? `${where}not a whole number` : `${where}not a ${issue.expected}`;
    // No wording of ours for these (the whole-scenario check's unrecognized key included): zod's sentence
    // reads well enough. They are listed, not defaulted, so a code a zod upgrade adds fails lint until
    // someone decides how it reads.
    case 'invalid_format':
    case 'not_multiple_of':
    case 'unrecognized_keys':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return issue.message;
  }
}

/** Check one already-typed value against its field; null when valid, else a reason. */
export function checkFieldValue(key: keyof Scenario, value: unknown): string | null {
  const schema = FIELD_SCHEMAS.get(key);
  if (!schema) return 'not a scenario field';
  const result = schema.safeParse(value);
  return result.success ? null : describeIssue(result.error.issues[0]!);
}

/** Validate a whole scenario; lists every problem as "key: reason". */
export function validateScenario(value: unknown): { ok: true; scenario: Scenario } | { ok: false; problems: string[] } {
  const result = ScenarioSchema.safeParse(value);
  if (result.success) return { ok: true, scenario: result.data as unknown as Scenario };
  return {
    ok: false,
    problems: result.error.issues.map((i) => `${i.path.map(String).join('.') || '(scenario)'}: ${describeIssue({ ...i, path: i.path.slice(1) })}`),
  };
}
