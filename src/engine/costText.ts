/** How the cost model's figures read in a sentence: bytes, FLOPs, seconds, shapes. */

/** Two significant digits under 10, whole numbers above: 9.6, 21, 268. */
function digits(v: number): string {
  return v < 10 ? String(Number(v.toPrecision(2))) : String(Math.round(v));
}

const DECIMAL = [
  { unit: 'TB', size: 1e12 },
  { unit: 'GB', size: 1e9 },
  { unit: 'MB', size: 1e6 },
  { unit: 'kB', size: 1e3 },
];

/** Bytes in decimal units (what a system monitor shows): 21 GB, 9.6 GB, 512 B. */
export function formatBytes(bytes: number): string {
  for (const { unit, size } of DECIMAL) if (bytes >= size) return `${digits(bytes / size)} ${unit}`;
  return `${Math.round(bytes)} B`;
}

/** A power-of-two limit as its specification names it: 4 GiB, 128 MiB. */
export function formatBinaryBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${digits(bytes / 2 ** 30)} GiB`;
  if (bytes >= 2 ** 20) return `${digits(bytes / 2 ** 20)} MiB`;
  return formatBytes(bytes);
}

/** FLOPs: 320 GFLOP, 4.1 GFLOP, 52 MFLOP. */
export function formatFlops(flops: number): string {
  if (flops >= 1e15) return `${digits(flops / 1e15)} PFLOP`;
  if (flops >= 1e12) return `${digits(flops / 1e12)} TFLOP`;
  if (flops >= 1e9) return `${digits(flops / 1e9)} GFLOP`;
  if (flops >= 1e6) return `${digits(flops / 1e6)} MFLOP`;
  return `${Math.round(flops)} FLOP`;
}

/** A duration: 35 s, 5.3 min, 2.1 h, 14 days. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 2 * 86400) return `${digits(seconds / 86400)} days`;
  if (seconds >= 5400) return `${digits(seconds / 3600)} h`;
  if (seconds >= 90) return `${digits(seconds / 60)} min`;
  return `${digits(seconds)} s`;
}

/** A tensor's shape as people write it: 64×576×16384. */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}
