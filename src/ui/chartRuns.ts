/**
 * The runs of the loss chart, in list order: the main run, the compare run while there is one, then
 * imported run files. One list serves the chart, the run list under it and the PNG export's
 * legend, so they name and colour the runs alike.
 */
import { heldOutStyle, lineStyle, type ChartRun } from '../charts/LossChart';
import type { LegendEntry } from './chartImage';
import type { AppState } from '../state/appState';
import type { LiveRun } from '../state/liveRun';
import type { RunImports } from './context';

export interface ListedRun {
  id: string;
  label: string;
  feed: LiveRun | undefined;
  kind: NonNullable<ChartRun['kind']>;
  /** Its place in the list: picks its colour and dash. */
  slot: number;
  visible: boolean;
}

type RunState = Pick<AppState, 'compare' | 'imports' | 'hiddenRuns'>;

export function listRuns(s: RunState, main: LiveRun, compare: LiveRun, imports: RunImports): ListedRun[] {
  const compareLabel = s.compare?.label ?? null;
  const all = [
    { id: 'main', label: compareLabel === null ? 'this run' : 'before (this run)', feed: main as LiveRun | undefined, kind: 'run' as const },
    ...(compareLabel === null ? [] : [{ id: 'compare', label: `after: ${compareLabel}`, feed: compare as LiveRun | undefined, kind: 'compare' as const }]),
    ...s.imports.map((e) => ({ id: e.id, label: `file: ${e.label}`, feed: imports.feedOf(e.id), kind: 'import' as const })),
  ];
  return all.map((e, slot) => ({ ...e, slot, visible: !s.hiddenRuns.includes(e.id) }));
}

/** What the chart draws: the visible runs that have data. */
export function chartRuns(listed: readonly ListedRun[]): ChartRun[] {
  return listed.flatMap((e) => (e.visible && e.feed ? [{ feed: e.feed, label: e.label, slot: e.slot, kind: e.kind }] : []));
}

/** The PNG export's legend: each drawn run's line, and its validation line where it has one. */
export function legendOf(runs: readonly ChartRun[]): LegendEntry[] {
  return runs.flatMap((r) => {
    const slot = r.slot ?? 0;
    const line = lineStyle(slot);
    const entry: LegendEntry = { label: r.label, stroke: line.stroke, dash: line.strokeDasharray };
    if (r.feed.heldOut.length === 0) return [entry];
    const validation = heldOutStyle(slot);
    return [entry, { label: `${r.label}: validation`, stroke: validation.stroke, dash: validation.strokeDasharray }];
  });
}
