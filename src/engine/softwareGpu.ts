/**
 * Whether a GPU backend is drawn in software (SwiftShader, llvmpipe, Microsoft's WARP), from the
 * name its driver reports. Such a "GPU" runs a training step at CPU speed or below (0.5 GFLOP/s
 * measured here for SwiftShader, docs/COST.md), forty times under what the cost model assumes of a
 * hardware GPU, so the budget check and the offered smaller scenario use the measured figure.
 */

/** Renderer or adapter names of software rasterisers, as drivers report them. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|microsoft basic render|warp/i;

/** FLOP/s of a training step on a software GPU (SwiftShader on this project's 2-core machine). */
export const SOFTWARE_GPU_FLOPS_PER_SECOND = 0.5e9;

/** True when `names` (renderer, vendor, architecture, description: whatever the driver gives) name a software GPU. */
export function isSoftwareGpu(...names: (string | null | undefined)[]): boolean {
  return names.some((n) => typeof n === 'string' && SOFTWARE.test(n));
}
