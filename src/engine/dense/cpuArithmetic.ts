/**
 * The tfjs cpu backend's kernels as flat loops over Float32Array storage, bit for bit: each
 * elementwise kernel computes in a JS number from float32 inputs and stores float32 (Math.fround);
 * Sum adds in a JS number and stores the total once; BatchMatMul adds the products of one block of
 * CPU_MATMUL_BLOCK along the shared dimension in a JS number and adds that into the float32 result,
 * block after block (so a shared dimension over the block size is rounded once per block).
 */

const f32 = Math.fround;

/** tfjs-backend-cpu's blockSize (MathBackendCPU.blockSize); a test holds it to the backend's. */
export const CPU_MATMUL_BLOCK = 48;

/** How a matrix operand is read: element (outer o, shared k) lies at offset o·outer + k·inner. */
export interface Strides {
  outer: number;
  inner: number;
}

/**
 * out[i·right + j] = Σ_k a(i, k)·b(k, j) as BatchMatMul computes it, for `left` × `shared` by
 * `shared` × `right` operands read through their strides (a transpose is a swap of strides).
 */
export function matMul(a: Float32Array, as: Strides, b: Float32Array, bs: Strides, left: number, shared: number, right: number, out: Float32Array): void {
  for (let i = 0; i < left; i++) {
    for (let j = 0; j < right; j++) {
      // The result buffer starts at +0 and each block's sum is added into it, as the kernel's `+=` does.
      let acc = 0;
      for (let k0 = 0; k0 < shared; k0 += CPU_MATMUL_BLOCK) {
        const end = Math.min(k0 + CPU_MATMUL_BLOCK, shared);
        let sum = 0.0;
        for (let k = k0; k < end; k++) sum += a[i * as.outer + k * as.inner]! * b[j * bs.outer + k * bs.inner]!;
        acc = f32(acc + sum);
      }
      out[i * right + j] = acc;
    }
  }
}

/** Sum over the rows of a rows × cols matrix (tf.sum(x, 0)): each column's total in a JS number, stored once. */
export function sumRows(x: Float32Array, rows: number, cols: number, out: Float32Array): void {
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let i = 0; i < rows; i++) sum += x[i * cols + j]!;
    out[j] = sum;
  }
}

/** The sum of the first n values (tf.sum over every axis), as a float32. */
export function sumAll(x: Float32Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  return f32(sum);
}
