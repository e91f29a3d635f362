/**
 * What the CLI prints: the JSON documents and their human-readable forms. JSON has no NaN or
 * Infinity, and this tool exists to show them, so they are written as the strings "NaN",
 * "Infinity" and "-Infinity" rather than the null JSON.stringify would silently put there.
 */
import { encodeNonFinite } from '../engine/nonFiniteJson';
import { plural, showKind, showNumber } from '../engine/numberFormat';
import { findStall } from '../engine/stall';
import type { Scenario } from '../engine/scenario';
import { encodeScenario, formatNumber } from '../scenarios/codec';
import { sourceText, type ClaimCheck, type Preset, type PresetSource } from '../scenarios/presets';
import type { Outcome } from '../runs/outcome';
import { downsampleLoss, type FirstNonFinite, type RunSummary } from '../runs/runScenario';

export interface PresetListing {
  id: string;
  title: string;
  source: PresetSource;
  pair?: { role: 'broken' | 'fixed'; other: string };
}

export interface RunReport {
  scenario: Scenario;
  /** The scenario as a link query, to open the same run in the app. */
  query: string;
  preset: string | null;
  backend: string;
  backendNote: string | null;
  /** Steps taken (fewer than scenario.steps when training paused at the first non-finite step). */
  steps: number;
  loss: { step: number; loss: number }[];
  firstNonFinite: FirstNonFinite | null;
  finalLoss: number | null;
  /** "Not learning: …" when a finite run's loss stayed flat or rose (engine/stall.ts), else null. */
  stall: string | null;
  claim: { statement: string; check: ClaimCheck } | null;
  outcome: Outcome | null;
}

export function listPresets(presets: readonly Preset[]): PresetListing[] {
  return presets.map((p) => ({ id: p.id, title: p.title, source: { ...p.source }, ...(p.pair ? { pair: { ...p.pair } } : {}) }));
}

export function buildRunReport(input: {
  run: RunSummary;
  preset: Preset | null;
  backend: string;
  backendNote: string | null;
  outcome: Outcome | null;
}): RunReport {
  const { run, preset } = input;
  return {
    scenario: run.scenario,
    query: encodeScenario(run.scenario, preset ? { preset: preset.id } : {}),
    preset: preset?.id ?? null,
    backend: input.backend,
    backendNote: input.backendNote,
    steps: run.steps,
    loss: downsampleLoss(run.losses, 500, run.firstNonFinite?.step),
    firstNonFinite: run.firstNonFinite,
    finalLoss: run.finalLoss,
    stall: run.firstNonFinite ? null : (findStall(run.losses)?.text ?? null),
    claim: preset ? preset.claim : null,
    outcome: input.outcome,
  };
}

/** JSON with NaN and ±Infinity kept visible as strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, encodeNonFinite, 2);
}

export function formatPresetsText(listing: readonly PresetListing[]): string {
  const width = Math.max(...listing.map((p) => p.id.length));
  return listing
    .map((p) => {
      const pair = p.pair ? `  [${p.pair.role}; pair: ${p.pair.other}]` : '';
      return `${p.id.padEnd(width)}  ${sourceText(p.source)}  ${p.title}${pair}`;
    })
    .join('\n');
}

function describeCheck(check: ClaimCheck): string {
  switch (check.expect) {
    case 'nonFinite':
      return `NaN/Inf within ${plural(check.withinSteps, 'step')}`;
    case 'finite':
      return 'no NaN/Inf during the run';
    case 'lossBelow':
      return `loss below ${formatNumber(check.value)}${check.atStep ? ` at step ${check.atStep}` : ' at the end'}`;
    case 'lossAbove':
      return `finite loss above ${formatNumber(check.value)}${check.atStep ? ` at step ${check.atStep}` : ' at the end'}`;
  }
}

export function formatRunText(r: RunReport): string {
  const first = r.loss[0];
  const f = r.firstNonFinite;
  const lines = [
    `${r.preset ?? 'scenario'}  (?${r.query})`,
    `  backend       ${r.backend}${r.backendNote ? ` (${r.backendNote})` : ''}`,
    `  steps         ${r.steps} of ${r.scenario.steps}`,
    `  loss          first ${first ? showNumber(first.loss) : '–'}, last ${r.finalLoss === null ? '–' : showNumber(r.finalLoss)}`,
    `  first NaN/Inf ${f ? `${showKind(f.kind)} in ${f.quantity} (${f.phase}) at step ${f.step}` : 'none'}`,
  ];
  if (r.stall) lines.push(`  learning      ${r.stall}`);
  if (r.claim) lines.push(`  claim         ${r.claim.statement}`, `                check: ${describeCheck(r.claim.check)}`);
  if (r.outcome) {
    lines.push(`  outcome       ${r.outcome.text} (${r.outcome.observed})`);
    for (const t of r.outcome.search?.tried ?? []) {
      lines.push(`    tried ${t.key}=${typeof t.value === 'number' ? formatNumber(t.value) : t.value}: ${t.holds ? 'holds' : 'no'} (${t.observed})`);
    }
    if (r.outcome.search?.found) lines.push(`    variant: ?${r.outcome.search.found.query}`);
  }
  return lines.join('\n');
}
