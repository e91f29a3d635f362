/** A Worker stand-in for the page-side tests: it records what it is sent, and the test plays the worker's side. */
export class FakeWorker<In> {
  sent: In[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;

  postMessage(m: In): void {
    this.sent.push(m);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Deliver `data` to the page as the worker would. */
  deliver(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent<unknown>);
  }
}
