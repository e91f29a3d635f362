/**
 * One training worker seen from the page: it spawns the worker, tags each run with an id and
 * drops replies of runs the page has left, answers tensor-count requests, and reports a worker
 * crash as a message. A worker that was terminated sends nothing at all, so while the page expects
 * an answer the link also keeps a heartbeat (heartbeat.ts) and, past the silence its rule allows,
 * speaks for the worker: an `error` and `running: false`, exactly as a failing worker would, so
 * every owner shows it the way it shows any worker error. The main run and every other live run
 * (a compare run) each have one.
 */
import { isFromWorker, type FromWorker, type ToWorker } from '../worker/protocol';
import type { Checkpoint } from '../engine/checkpoint';
import type { Scenario } from '../engine/scenario';
import type { Speed } from '../scenarios/speed';
import type { SandboxReport } from '../worker/sandboxProbe';
import { TrainingHeartbeat } from './heartbeat';
import { browserClock, type LivenessClock } from './liveness';

/** A reply of the current run (`memory`, `pong`, `checkpoint`, `sandbox` and `replaying` are the link's own business). */
export type RunMessage = Exclude<FromWorker, { type: 'memory' } | { type: 'pong' } | { type: 'checkpoint' } | { type: 'sandbox' } | { type: 'replaying' }>;

export interface LinkHandlers {
  onMessage(m: RunMessage): void;
  /** The worker itself failed (an uncaught error, a failed load). */
  onCrash(message: string): void;
}

export interface LinkOptions {
  /** The worker as a person knows it ("training", "compare"). */
  name?: string;
  /** What brings a stopped worker back, said after the error. */
  wayOut?: string;
  clock?: LivenessClock;
  /** The memory budget each run is checked against, read when it is built (absent: the worker's device default). */
  budget?: () => number;
}

export class TrainingLink {
  private worker: Worker | null = null;
  private heartbeat: TrainingHeartbeat | null = null;
  private id: number;
  private readonly memoryWaiters = new Map<number, (numTensors: number) => void>();
  private memoryRequests = 0;
  private sandboxWaiters: ((report: SandboxReport) => void)[] = [];
  /** The last step the current run reported (a stop the link announces for a silent worker names it). */
  private lastStep = 0;
  /** The current run's latest checkpoint (the worker sends one at most a second of training behind its records). */
  private checkpoint: Checkpoint | null = null;

  constructor(
    private readonly makeWorker: () => Worker,
    private readonly handlers: LinkHandlers,
    firstRunId = 0,
    private readonly options: LinkOptions = {},
  ) {
    this.id = firstRunId;
  }

  get runId(): number {
    return this.id;
  }

  /** A new worker (the old one, if any, is terminated with whatever it was doing). */
  spawn(): void {
    this.terminate();
    const worker = this.makeWorker();
    worker.onmessage = (e: MessageEvent<unknown>) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.handlers.onCrash(e.message || 'unknown error');
    };
    this.worker = worker;
    const ping = (seq: number): void => worker.postMessage({ type: 'ping', seq } satisfies ToWorker);
    this.heartbeat = new TrainingHeartbeat(this.options.clock ?? browserClock, ping, (silentMs) => this.silent(silentMs));
  }

  send(m: ToWorker): void {
    if (!this.worker) return;
    // Before the request: the heartbeat may ping first, and an idle worker answers that at once.
    this.heartbeat?.expect(m.type === 'configure');
    this.worker.postMessage(m);
  }

  /** Build `scenario` in the worker: a fresh run (new id) unless `keep` carries the weights over. */
  configure(scenario: Scenario, keep: boolean): void {
    if (!keep) {
      this.id += 1;
      this.lastStep = 0;
      this.checkpoint = null;
    }
    this.send({ type: 'configure', runId: this.id, scenario, keep, ...this.budget() });
  }

  /** How many tensors the worker holds, once it has handled every earlier message. */
  tensorCount(): Promise<number> {
    const requestId = ++this.memoryRequests;
    return new Promise((resolve) => {
      this.memoryWaiters.set(requestId, resolve);
      this.send({ type: 'memory', requestId });
    });
  }

  /** What the worker's policy lets it do: eval, and a fetch of `url` on another origin (test hooks only). */
  probeSandbox(url: string): Promise<SandboxReport> {
    return new Promise((resolve) => {
      this.sandboxWaiters.push(resolve);
      this.send({ type: 'probeSandbox', url });
    });
  }

  terminate(): void {
    this.heartbeat?.stop();
    this.heartbeat = null;
    if (this.worker) {
      // Whatever it posted before it ended belongs to a worker the page has let go.
      this.worker.onmessage = null;
      this.worker.onerror = null;
      this.worker.terminate();
    }
    this.worker = null;
  }

  /**
   * End the worker wherever it is (inside a step that would not finish in time) and carry the
   * current run on in a new one: from its latest checkpoint, replayed up to `toStep`, the last step
   * the page has. The run keeps its id, so the page's records and charts go on as they are.
   */
  takeOver(scenario: Scenario, toStep: number, speed: Speed): void {
    const checkpoint = this.checkpoint && this.checkpoint.step <= toStep ? this.checkpoint : null;
    this.spawn();
    this.send({ type: 'setSpeed', speed });
    this.send({ type: 'configure', runId: this.id, scenario, keep: false, resume: { checkpoint, toStep }, ...this.budget() });
  }

  private budget(): { budgetBytes?: number } {
    return this.options.budget ? { budgetBytes: this.options.budget() } : {};
  }

  /** Terminate the worker the way the browser would, without a word to this link (test hooks only). */
  killWorker(): void {
    this.worker?.terminate();
  }

  private receive(data: unknown): void {
    if (!isFromWorker(data)) return;
    this.heartbeat?.heard();
    if (data.type === 'pong') return this.heartbeat?.answered(data);
    if (data.type === 'sandbox') return this.sandboxWaiters.shift()?.(data.report);
    if (data.type === 'memory') {
      this.memoryWaiters.get(data.requestId)?.(data.numTensors);
      this.memoryWaiters.delete(data.requestId);
      return;
    }
    if (data.runId !== this.id) return;
    if (data.type === 'checkpoint') {
      this.checkpoint = data.checkpoint;
      return;
    }
    if (data.type === 'records') {
      this.lastStep = data.records.at(-1)?.step ?? this.lastStep;
      if (typeof data.stepMs === 'number') this.heartbeat?.stepped(data.stepMs);
    } else if (data.type === 'running') this.lastStep = data.step;
    else if (data.type === 'replaying') return this.heartbeat?.replaying();
    this.handlers.onMessage(data);
  }

  /** The heartbeat gave up: the worker is gone; say so as the worker would have, and let it go. */
  private silent(silentMs: number): void {
    this.terminate();
    const name = this.options.name ?? 'training';
    const wayOut = this.options.wayOut ?? 'Press Reset to start a new one.';
    const seconds = (silentMs / 1000).toFixed(1);
    const message = `The ${name} worker stopped responding: no word from it for ${seconds} s while it had work to do (the browser may have stopped it, for instance when it ran out of memory). ${wayOut}`;
    this.handlers.onMessage({ type: 'error', runId: this.id, message });
    this.handlers.onMessage({ type: 'running', runId: this.id, running: false, step: this.lastStep, why: 'error' });
  }
}
