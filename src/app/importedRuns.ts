/**
 * Run files imported into the page, each drawn as one more run beside the live ones. An imported
 * run is a LiveRun fed once with the file's records (no worker): the chart, the hover and the zoom
 * treat it like any other run. With the main and compare runs, at most six runs are listed; a new
 * import beyond that replaces the oldest one.
 */
import type { StepRecord } from '../engine/records';
import type { AppStore } from '../state/appState';
import { LiveRun, type LiveRunOptions } from '../state/liveRun';
import type { RunImports } from '../ui/context';

export const MAX_IMPORTED = 4;

export class ImportedRuns implements RunImports {
  private readonly feeds = new Map<string, LiveRun>();
  private count = 0;

  constructor(
    private readonly store: AppStore,
    private readonly feed: LiveRunOptions,
  ) {}

  add(label: string, records: readonly StepRecord[]): string {
    const run = new LiveRun(this.feed);
    run.push(records);
    run.flush();
    const id = `import-${++this.count}`;
    this.feeds.set(id, run);
    const kept = this.store.getState().imports.slice(-(MAX_IMPORTED - 1));
    for (const old of this.store.getState().imports) if (!kept.includes(old)) this.feeds.delete(old.id);
    this.store.setState({ imports: [...kept, { id, label }] });
    return id;
  }

  feedOf(id: string): LiveRun | undefined {
    return this.feeds.get(id);
  }
}
