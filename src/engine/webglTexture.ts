/**
 * The texture tfjs-backend-webgl gives a tensor, from its shape alone: a port of
 * getTextureShapeFromLogicalShape (tfjs-backend-webgl/src/webgl_util.ts, 4.22), whose result the
 * backend checks against the GPU's maximum texture size ("Requested texture size [8689x8689]
 * greater than WebGL maximum"). A tensor is stored unpacked (one value a texel) or packed (2×2
 * values a texel); which one an op picks is the backend's business, so both are computed here.
 */

const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** tfjs's squeezeShape without axes: drop the 1s. */
const squeeze = (shape: readonly number[]): number[] => shape.filter((d) => d !== 1);

/** util.sizeToSquarishShape: the near-square rectangle that holds `size` texels. */
function squarish(size: number): [number, number] {
  const width = Math.ceil(Math.sqrt(size));
  return [width, Math.ceil(size / width)];
}

const nearestLargerEven = (n: number): number => (n % 2 === 0 ? n : n + 1);

/** The logical texture shape (values, not texels), as tfjs computes it for `max` (the GPU's maximum). */
function logicalTexture(shape: readonly number[], packed: boolean, max: number): [number, number] {
  // Packed textures count two values per side of a texel, so the logical maximum doubles.
  const limit = packed ? 2 * max : max;
  let logShape = [...shape];
  if (packed) {
    logShape = logShape.map((d, i) => (i >= logShape.length - 2 ? nearestLargerEven(d) : d));
    if (logShape.length === 1) logShape = [2, logShape[0]!];
  }
  if (logShape.length !== 2) logShape = squeeze(logShape);
  const [a = 1, b = 1, c = 1, d = 1] = logShape;
  const n = logShape.length;
  if (n <= 1 && sizeOf(logShape) <= limit) return [1, sizeOf(logShape)];
  if (n === 2 && a <= limit && b <= limit) return [a, b];
  if (n === 3 && a * b <= limit && c <= limit) return [a * b, c];
  if (n === 3 && a <= limit && b * c <= limit) return [a, b * c];
  if (n === 4 && a * b * c <= limit && d <= limit) return [a * b * c, d];
  if (n === 4 && a <= limit && b * c * d <= limit) return [a, b * c * d];
  if (!packed) return squarish(sizeOf(logShape));
  // Packed and squarified: count the texels (2×2 values each, per batch), keep the sides even.
  const rows = logShape.length > 1 ? logShape[logShape.length - 2]! : 1;
  const cols = logShape[logShape.length - 1] ?? 1;
  const batch = sizeOf(logShape.slice(0, -2));
  const [w, h] = squarish(batch * (rows / 2) * (cols / 2));
  return [2 * w, 2 * h];
}

/** The texture's sides in texels, [width, height] as the validation message writes them. */
export function textureSize(shape: readonly number[], packed: boolean, max: number): [number, number] {
  const [rows, cols] = logicalTexture(shape, packed, max);
  return packed ? [Math.ceil(cols / 2), Math.ceil(rows / 2)] : [cols, rows];
}

/** The larger side of the two layouts: what must fit under the maximum whichever layout an op picks. */
export function worstTextureSide(shape: readonly number[], max: number): number {
  return Math.max(...textureSize(shape, false, max), ...textureSize(shape, true, max));
}
