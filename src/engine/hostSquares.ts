/**
 * The record's sums of squares as numbers, added up in JS from a step's values (hostNorms.ts): on
 * cpu and wasm as each tensor is made, on a GPU backend with gathered checks from the readback.
 * Fed in parameter order: each gradient, then per parameter its values before and after the update.
 */
import { allFinite, hostSums, normFromSquares, type HostSums, type SumOrder } from './hostNorms';

export class HostSquares {
  private readonly sums: HostSums;
  gradSquares: number[] = [];
  gradNorm = 0;
  gradsFinite = true;
  readonly updateSquares: number[] = [];
  readonly oldSquares: number[] = [];
  readonly weightSquares: number[] = [];

  constructor(order: SumOrder) {
    this.sums = hostSums(order);
  }

  grads(values: readonly ArrayLike<number>[]): void {
    this.gradSquares = values.map((v) => this.sums.sumOfSquares(v));
    this.gradNorm = normFromSquares(this.gradSquares);
    this.gradsFinite = values.every(allFinite);
  }

  /** One parameter's values before and after the update (before: read before the variable is assigned). */
  update(after: ArrayLike<number>, before: ArrayLike<number>): void {
    this.oldSquares.push(this.sums.sumOfSquares(before));
    this.updateSquares.push(this.sums.sumOfSquaredDifferences(after, before));
    this.weightSquares.push(this.sums.sumOfSquares(after));
  }
}
