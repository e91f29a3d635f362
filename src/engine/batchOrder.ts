/** Which rows each step trains on: a seeded permutation per epoch, so the batch of step t depends only on (seed, t). */
import { rngFor } from './rng';

export class BatchOrder {
  private epochCache: { epoch: number; order: number[] } | null = null;

  constructor(
    private readonly seed: number,
    private readonly rows: number,
    private readonly batchSize: number,
  ) {}

  /** Rows of the batch for step t (1-based), or null for the full batch (a replay from a snapshot repeats them exactly). */
  rowsFor(t: number): number[] | null {
    const n = this.rows;
    const bs = this.batchSize;
    if (bs <= 0 || bs >= n) return null;
    const perEpoch = Math.ceil(n / bs);
    const epoch = Math.floor((t - 1) / perEpoch);
    if (this.epochCache?.epoch !== epoch) this.epochCache = { epoch, order: rngFor(this.seed, `batch/epoch${epoch}`).permutation(n) };
    const b = (t - 1) % perEpoch;
    return this.epochCache.order.slice(b * bs, (b + 1) * bs);
  }
}
