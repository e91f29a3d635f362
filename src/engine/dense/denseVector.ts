/**
 * The "predictions" model on the dense path: the prediction vector itself is the parameter
 * (models/dense.ts predictionsModel). A batch gathers its rows (tf.gather, nothing rounded or
 * watched); the gradient is GatherV2's, an unsortedSegmentSum that gives every row of the vector
 * Σ_j [row j of the batch is it]·dy_j added in a JS number (so 0·Inf makes NaN in every row, as on cpu).
 */

/** The batch's predictions: the rows of `values` (null: all of them, the variable itself). */
export function gatherRows(values: Float32Array, rows: readonly number[] | null, out: Float32Array): void {
  if (!rows) {
    out.set(values);
    return;
  }
  rows.forEach((r, i) => {
    out[i] = values[r]!;
  });
}

/** d loss / d vector from d loss / d batch predictions. */
export function scatterGradient(dy: Float32Array, rows: readonly number[] | null, size: number, out: Float32Array): void {
  if (!rows) {
    out.set(dy);
    return;
  }
  for (let r = 0; r < size; r++) {
    let sum = 0;
    for (let j = 0; j < rows.length; j++) sum += (rows[j] === r ? 1 : 0) * dy[j]!;
    out[r] = sum;
  }
}
