/**
 * A model choice brings data it can train on: the U-Net trains on images only, and the images suit nothing else.
 * Without this, choosing Model = U-Net kept a table of numbers and Play had nothing it could run. The settings
 * panel applies it to a changed model or data set and tells the user what else changed.
 */
import type { DatasetKind, ModelKind, Scenario } from '../engine/scenario';
import { valueLabel } from './valueLabels';

// Full-batch U-Net steps cost about 4 MB and 100 MFLOP per 32×32 image: a table's 64 rows as images would be slow.
const UNET_SAMPLES = 8;

/** The data set each model starts from when the one chosen before cannot train it. */
const DATA_FOR: Readonly<Record<ModelKind, DatasetKind>> = {
  linear: 'synthetic',
  mlp: 'synthetic',
  autoencoder: 'uniform',
  unet: 'shapes',
  classifier: 'labels',
  predictions: 'normalPredictions',
  customSquare: 'synthetic',
};

export interface CompatibleChange {
  scenario: Scenario;
  /** What else changed and why, for a notice; null when nothing did. */
  note: string | null;
}

/** `next` with a data set its model can train on (and a U-Net-sized sample count), saying what it changed. */
export function withCompatibleData(next: Scenario): CompatibleChange {
  const images = next.dataset === 'shapes';
  if ((next.model === 'unet') === images) return { scenario: next, note: null };
  const dataset = DATA_FOR[next.model];
  const samples = next.model === 'unet' ? Math.min(next.samples, UNET_SAMPLES) : next.samples;
  const scenario = { ...next, dataset, samples };
  const why = next.model === 'unet' ? 'The U-Net trains on images' : 'The shapes images are for the U-Net only';
  const more = samples !== next.samples ? ` with ${samples} samples` : '';
  return { scenario, note: `${why}, so the data set is now “${valueLabel('dataset', dataset)}”${more}.` };
}
