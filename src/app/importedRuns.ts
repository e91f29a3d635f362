/**
 * Run files imported into the page, each drawn as one more run beside the live ones. A file is
 * read off the page's thread (runFileReader.ts); an imported run is a LiveRun fed with its records
 * (no worker), a slice per frame, so that a long file never holds the page in one task: the chart,
 * the hover and the zoom treat it like any other run. With the main and compare runs, at most six
 * runs are listed; a new import beyond that replaces the oldest one.
 */
import type { StepRecord } from '../engine/records';
import type { AppStore } from '../state/appState';
import { LiveRun, type LiveRunOptions } from '../state/liveRun';
import type { OpenedRunFile, RecordSlices, RunImports } from '../ui/context';

export const MAX_IMPORTED = 4;
/** Records drawn per frame, from a list in memory (about 10 ms of the page's time for the default MLP's). */
export const RECORDS_PER_FRAME = 500;

/** A list in memory, in slices of RECORDS_PER_FRAME. */
function slicesOf(records: readonly StepRecord[]): RecordSlices {
  let from = 0;
  return {
    next: () => {
      const slice = from < records.length ? records.slice(from, (from += RECORDS_PER_FRAME)) : null;
      return Promise.resolve(slice);
    },
    close: () => (from = records.length),
  };
}

export class ImportedRuns implements RunImports {
  private readonly feeds = new Map<string, LiveRun>();
  private count = 0;

  constructor(
    private readonly store: AppStore,
    private readonly feed: LiveRunOptions,
    private readonly opener: (file: Blob) => Promise<OpenedRunFile> = () => Promise.reject(new Error('files cannot be read here')),
  ) {}

  open(file: Blob): Promise<OpenedRunFile> {
    return this.opener(file);
  }

  add(label: string, records: readonly StepRecord[] | RecordSlices): string {
    const run = new LiveRun(this.feed);
    void this.feedSlices(run, Array.isArray(records) ? slicesOf(records) : (records as RecordSlices));
    const id = `import-${++this.count}`;
    this.feeds.set(id, run);
    const kept = this.store.getState().imports.slice(-(MAX_IMPORTED - 1));
    for (const old of this.store.getState().imports) if (!kept.includes(old)) this.feeds.delete(old.id);
    this.store.setState({ imports: [...kept, { id, label }] });
    return id;
  }

  /**
   * A slice, then a frame, then the next slice, while the run is listed (a replaced one stops). The
   * first is drawn at once, so a short file appears whole; the others are drawn as live records
   * are, on the feed's own pace (liveRun.ts), so their chart redraws never pile up in one frame.
   */
  private async feedSlices(run: LiveRun, slices: RecordSlices): Promise<void> {
    for (let first = true; ; first = false) {
      const slice = await slices.next();
      if (slice === null || ![...this.feeds.values()].includes(run)) return slices.close();
      run.push(slice);
      if (first) run.flush();
      await new Promise<void>((resolve) => this.feed.schedule(resolve));
    }
  }

  feedOf(id: string): LiveRun | undefined {
    return this.feeds.get(id);
  }
}
