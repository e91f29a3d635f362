/**
 * A small U-Net for 1×N×N images (NHWC): per level conv3×3 (+ batch norm) + activation, max-pool;
 * a bottleneck conv; per level back up: upsample (nearest + conv3×3, or a 2×2 stride-2 transposed
 * conv), concatenate the skip, conv3×3 + activation; a 1×1 conv to one channel of logits (no final
 * activation, as in the article). Batch norm uses the batch's own statistics (no running averages).
 */
import * as tf from '@tensorflow/tfjs';
import type { Scenario } from '../scenario';
import { kernelAndBias, makeVariable, type InitSpec } from './init';
import { activate, param } from './layers';
import type { ForwardContext, LayerSummary, Model, NamedVariable } from './types';

const BN_EPS = 1e-5;

function convParams(spec: InitSpec, layer: string, k: number, inC: number, outC: number): NamedVariable[] {
  return kernelAndBias(spec, layer, [k, k, inC, outC], k * k * inC, k * k * outC);
}

function bnParams(layer: string, c: number): NamedVariable[] {
  return [makeVariable(`${layer}/bn/gamma`, [c], new Float32Array(c).fill(1)), makeVariable(`${layer}/bn/beta`, [c], new Float32Array(c))];
}

/** The U-Net's parameters and watched forward pass. */
export function unetModel(spec: InitSpec, s: Scenario): Model {
  const params: NamedVariable[] = [];
  const summary: LayerSummary[] = [];
  const width = (level: number): number => s.filters * 2 ** level;
  /** `before`: what the layer does to its input first (the nearest upsampling); `skipFrom`: the encoder output it concatenates. */
  const addConv = (layer: string, k: number, inC: number, outC: number, o: { bn: boolean; act: boolean; before?: string; skipFrom?: string }): void => {
    params.push(...convParams(spec, layer, k, inC, outC));
    if (o.bn) params.push(...bnParams(layer, outC));
    const detail = [...(o.before ? [o.before] : []), `conv ${k}×${k}`, ...(o.bn ? ['batch norm'] : []), ...(o.act ? [s.activation] : [])].join(' + ');
    summary.push({ name: layer, units: outC, detail, ...(o.skipFrom ? { skipFrom: o.skipFrom } : {}) });
  };
  let c = 1;
  for (let l = 0; l < s.depth; l++) {
    addConv(`enc${l + 1}/conv`, 3, c, width(l), { bn: s.batchNorm, act: true });
    c = width(l);
  }
  addConv('bottleneck/conv', 3, c, width(s.depth), { bn: s.batchNorm, act: true });
  c = width(s.depth);
  for (let l = s.depth - 1; l >= 0; l--) {
    if (s.upsampling === 'transposed') {
      // conv2dTranspose kernels are [k, k, outC, inC]; the bias has outC entries.
      params.push(...kernelAndBias(spec, `dec${l + 1}/up`, [2, 2, width(l), c], 4 * c, 4 * width(l), width(l)));
      summary.push({ name: `dec${l + 1}/up`, units: width(l), detail: 'transposed conv 2×2' });
    } else {
      addConv(`dec${l + 1}/up`, 3, c, width(l), { bn: false, act: false, before: 'nearest ×2' });
    }
    addConv(`dec${l + 1}/conv`, 3, 2 * width(l), width(l), { bn: s.batchNorm, act: true, skipFrom: `enc${l + 1}/conv` });
    c = width(l);
  }
  addConv('out/conv', 1, c, 1, { bn: false, act: false });

  const conv = (x: tf.Tensor4D, layer: string, ctx: ForwardContext, bn: boolean, act: boolean): tf.Tensor4D => {
    const w = param(params, `${layer}/kernel`) as tf.Tensor4D;
    let h = ctx.round(tf.add(tf.conv2d(x, w, 1, 'same'), param(params, `${layer}/bias`))) as tf.Tensor4D;
    ctx.watch(`${layer}/preact`, 'forward', h);
    if (bn) {
      const { mean, variance } = tf.moments(h, [0, 1, 2]);
      const norm = tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, BN_EPS)));
      h = ctx.round(tf.add(tf.mul(norm, param(params, `${layer}/bn/gamma`)), param(params, `${layer}/bn/beta`))) as tf.Tensor4D;
      ctx.watch(`${layer}/bn`, 'forward', h);
    }
    if (!act) return h;
    const a = ctx.round(activate(h, s.activation)) as tf.Tensor4D;
    ctx.watch(`${layer}/act`, 'forward', a);
    return a;
  };

  return {
    params,
    layers: summary.map((l) => l.name),
    summary,
    output: 'logits',
    forward: (batch, ctx) => {
      let h = batch.x as tf.Tensor4D;
      const skips: tf.Tensor4D[] = [];
      for (let l = 0; l < s.depth; l++) {
        h = conv(h, `enc${l + 1}/conv`, ctx, s.batchNorm, true);
        skips.push(h);
        h = tf.maxPool(h, 2, 2, 'valid');
      }
      h = conv(h, 'bottleneck/conv', ctx, s.batchNorm, true);
      for (let l = s.depth - 1; l >= 0; l--) {
        const layer = `dec${l + 1}/up`;
        if (s.upsampling === 'transposed') {
          const [b, hh, ww] = h.shape;
          const w = param(params, `${layer}/kernel`) as tf.Tensor4D;
          const up = tf.conv2dTranspose(h, w, [b, hh * 2, ww * 2, width(l)], 2, 'same');
          h = ctx.round(tf.add(up, param(params, `${layer}/bias`))) as tf.Tensor4D;
          ctx.watch(`${layer}/preact`, 'forward', h);
        } else {
          const [, hh, ww] = h.shape;
          h = conv(tf.image.resizeNearestNeighbor(h, [hh * 2, ww * 2]), layer, ctx, false, false);
        }
        h = conv(tf.concat([h, skips[l]!], 3), `dec${l + 1}/conv`, ctx, s.batchNorm, true);
      }
      return conv(h, 'out/conv', ctx, false, false);
    },
  };
}
