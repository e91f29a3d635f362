/**
 * An exception from tfjs in our words. What a backend throws when a run is too large or the device
 * goes away ("Array buffer allocation failed", "Aborted(). Build with -sASSERTIONS…", "Requested
 * texture size [8689x8689] greater than WebGL maximum…") names none of the settings that caused it,
 * so the page shows instead one sentence: what happened, the cost model's estimate where memory ran
 * out, and what to change. The engine's own first line stays at the end, short, for a bug report.
 */
import { lowerAdvice, WASM_HEAP_BYTES } from './backendLimits';
import { estimateCost } from './cost';
import { formatBinaryBytes, formatBytes } from './costText';
import type { Scenario } from './scenario';

export type FailureKind = 'texture' | 'wasmAbort' | 'memory' | 'deviceLost' | 'contextLost' | 'kernel';

/** Where the failure happened. */
export interface FailureContext {
  /** The run's scenario, or null before one was built. */
  scenario: Scenario | null;
  backend: string | null;
  /** The step that was being taken, or null while the model was being built. */
  step: number | null;
}

// First match wins: a texture message mentions no memory, a wasm abort can say "OOM".
const PATTERNS: readonly { kind: FailureKind; test: RegExp }[] = [
  { kind: 'texture', test: /Requested texture size \[\d+x\d+\] greater than WebGL maximum/ },
  { kind: 'wasmAbort', test: /\bAborted\(|memory access out of bounds|Cannot enlarge memory/ },
  { kind: 'memory', test: /allocation failed|Invalid typed array length|Invalid array length|out of memory|Failed to allocate/i },
  { kind: 'deviceLost', test: /device (is |was )?lost|device.*destroyed/i },
  { kind: 'contextLost', test: /context (was )?lost|CONTEXT_LOST/i },
];

/** The kind of failure a thrown value is. */
export function failureKind(error: unknown): FailureKind {
  const text = messageOf(error);
  return PATTERNS.find((p) => p.test.test(text))?.kind ?? 'kernel';
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** The engine's words, one line and short: what a bug report needs, not a stack. */
function engineSaid(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const line = raw.split('\n')[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

/** "lower Batch size or Samples", from the cost model's drivers of the scenario. */
function lowering(s: Scenario | null): string {
  return s ? lowerAdvice(estimateCost(s).drivers) : 'use a smaller scenario';
}

const where = (c: FailureContext): string => (c.step === null ? 'while building the model' : `in step ${c.step}`);

/** The other backends worth trying after `backend` failed, as advice. */
function otherBackends(backend: string | null): string {
  const others = ['wasm', 'cpu'].filter((b) => b !== backend);
  return `choose the ${others.join(' or ')} backend`;
}

function sentence(kind: FailureKind, error: unknown, c: FailureContext): string {
  const backend = c.backend ? `the ${c.backend} backend` : 'the active backend';
  const cost = c.scenario ? estimateCost(c.scenario) : null;
  switch (kind) {
    case 'texture': {
      const [, w, h, max] = /\[(\d+)x(\d+)\] greater than WebGL maximum[^[]*\[(\d+)x\d+\]/.exec(engineSaid(error)) ?? [];
      const sizes = w && h && max ? ` (a texture of ${w}×${h}; this GPU allows ${max}×${max})` : '';
      return `WebGL cannot hold a tensor this large ${where(c)}${sizes}: ${lowering(c.scenario)}, or ${otherBackends('webgl')}`;
    }
    case 'wasmAbort': {
      const need = cost ? `this run needs ≈ ${formatBytes(cost.deviceBytes)} of tensors; ` : '';
      return `the wasm backend aborted ${where(c)}, which it does when its memory runs out (${need}its heap holds at most ${formatBinaryBytes(WASM_HEAP_BYTES)}): ${lowering(c.scenario)}, or choose the cpu backend`;
    }
    case 'memory': {
      const need = cost ? ` (this run needs ≈ ${formatBytes(cost.bytes.total)})` : '';
      return `this run needs more memory than ${backend} could get ${where(c)}${need}: ${lowering(c.scenario)}`;
    }
    case 'deviceLost':
      return `the GPU device was lost ${where(c)} (the browser or its driver reset it): press Reset, or ${otherBackends(c.backend)}`;
    case 'contextLost':
      return `the WebGL context was lost ${where(c)} (the browser or its driver reset the GPU): press Reset, or ${otherBackends('webgl')}`;
    case 'kernel':
      return `a tfjs operation failed on ${backend} ${where(c)}: press Reset to start again; if it happens again, ${otherBackends(c.backend)}`;
  }
}

/** One sentence for the page: what happened, what to change, and the engine's own words at the end. */
export function describeFailure(error: unknown, context: FailureContext): string {
  return `${sentence(failureKind(error), error, context)} (tfjs said: "${engineSaid(error)}")`;
}
