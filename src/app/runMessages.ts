/**
 * What the page does with each reply of the main run's worker: records go to the live feed, the
 * slow facts (report, backend, running, a refusal, an error) to the store, notices to the notice
 * line. The controller owns the worker; this is only the reading of its replies.
 */
import type { AppStore } from '../state/appState';
import type { LiveRun } from '../state/liveRun';
import type { RunMessage } from './trainingLink';

export interface RunMessageTarget {
  readonly store: AppStore;
  readonly run: LiveRun;
  notify(message: string): void;
  /** Forget the run's data on this side (the worker restarted it from step 0 under the same id). */
  clearRun(): void;
}

export function applyRunMessage(m: RunMessage, t: RunMessageTarget): void {
  switch (m.type) {
    case 'records':
      return t.run.push(m.records);
    case 'model':
      return t.run.declare(m.parameters);
    case 'report':
      return t.store.setState({ report: m.report });
    case 'backend':
      return t.store.setState({ backend: m.status, unsupported: m.unsupported });
    case 'preview':
      return t.store.setState({ preview: m.preview, network: m.network });
    case 'running':
      // The last tick's records came before this message: whoever sees "stopped" sees its step.
      if (!m.running) t.run.flush();
      return t.store.setState({ running: m.running, stopReason: m.why });
    case 'error':
      return t.store.setState({ error: m.message, running: false });
    case 'refused':
      return t.store.setState({ refusal: m.refusal, running: false });
    case 'notice':
      return t.notify(m.message);
    case 'restarted':
      return t.clearRun();
  }
}
