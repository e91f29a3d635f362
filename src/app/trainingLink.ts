/**
 * One training worker seen from the page: it spawns the worker, tags each run with an id and
 * drops replies of runs the page has left, answers tensor-count requests, and reports a worker
 * crash as a message. The main run and every other live run (a compare run) each have one.
 */
import { isFromWorker, type FromWorker, type ToWorker } from '../worker/protocol';
import type { Scenario } from '../engine/scenario';

/** A reply of the current run (the `memory` reply is answered by the link itself). */
export type RunMessage = Exclude<FromWorker, { type: 'memory' }>;

export interface LinkHandlers {
  onMessage(m: RunMessage): void;
  /** The worker itself failed (an uncaught error, a failed load). */
  onCrash(message: string): void;
}

export class TrainingLink {
  private worker: Worker | null = null;
  private id: number;
  private readonly memoryWaiters = new Map<number, (numTensors: number) => void>();
  private memoryRequests = 0;

  constructor(
    private readonly makeWorker: () => Worker,
    private readonly handlers: LinkHandlers,
    firstRunId = 0,
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
  }

  send(m: ToWorker): void {
    this.worker?.postMessage(m);
  }

  /** Build `scenario` in the worker: a fresh run (new id) unless `keep` carries the weights over. */
  configure(scenario: Scenario, keep: boolean): void {
    if (!keep) this.id += 1;
    this.send({ type: 'configure', runId: this.id, scenario, keep });
  }

  /** How many tensors the worker holds, once it has handled every earlier message. */
  tensorCount(): Promise<number> {
    const requestId = ++this.memoryRequests;
    return new Promise((resolve) => {
      this.memoryWaiters.set(requestId, resolve);
      this.send({ type: 'memory', requestId });
    });
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private receive(data: unknown): void {
    if (!isFromWorker(data)) return;
    if (data.type === 'memory') {
      this.memoryWaiters.get(data.requestId)?.(data.numTensors);
      this.memoryWaiters.delete(data.requestId);
      return;
    }
    if (data.runId === this.id) this.handlers.onMessage(data);
  }
}
