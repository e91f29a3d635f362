import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../engine/scenario';
import { stepRecord } from '../engine/testing/stepRecord';
import type { FromImportWorker, ToImportWorker } from './importProtocol';
import { READ_LIMIT_MS, openRunFile } from './runFileReader';
import { FakeWorker } from './testing/fakeWorker';

const head = { scenario: DEFAULT_SCENARIO, rejected: [], report: null, steps: null };
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function opening() {
  const worker = new FakeWorker<ToImportWorker>();
  const timers: { callback: () => void; ms: number }[] = [];
  const file = new Blob(['{}']);
  const opened = openRunFile(
    file,
    () => worker as unknown as Worker,
    (callback, ms) => timers.push({ callback, ms }),
  );
  const say = (m: FromImportWorker): void => worker.deliver(m);
  return { worker, timers, file, opened, say };
}

describe('openRunFile', () => {
  it('hands the file to the worker, then asks for the records a slice at a time, and ends the worker after the last', async () => {
    const o = opening();
    expect(o.worker.sent).toEqual([{ type: 'read', file: o.file }]);
    o.say({ type: 'head', run: head, records: 3 });
    const file = await o.opened;
    expect([file.count, file.run.scenario]).toEqual([3, DEFAULT_SCENARIO]);
    // Nothing more is asked until the page wants it.
    expect(o.worker.sent).toHaveLength(1);
    const first = file.next();
    expect(o.worker.sent.at(-1)).toEqual({ type: 'next' });
    o.say({ type: 'records', records: [stepRecord(1), stepRecord(2)] });
    expect((await first)!.map((r) => r.step)).toEqual([1, 2]);
    const second = file.next();
    o.say({ type: 'records', records: [stepRecord(3)] });
    expect((await second)!.map((r) => r.step)).toEqual([3]);
    expect(o.worker.terminated).toBe(false);
    expect(await file.next()).toBeNull();
    expect(o.worker.terminated).toBe(true);
    expect(o.worker.sent).toHaveLength(3);
  });

  it("rejects with the worker's reason for a file it refuses, and ends the worker", async () => {
    const o = opening();
    o.say({ type: 'refused', message: 'this file is version 999; this playground reads up to version 2' });
    await expect(o.opened).rejects.toThrow('this file is version 999; this playground reads up to version 2');
    expect(o.worker.terminated).toBe(true);
  });

  it('a worker that fails, or does not answer in time, is reported instead of waited on', async () => {
    const failed = opening();
    failed.worker.onerror?.({ message: '', preventDefault: () => undefined } as ErrorEvent);
    await expect(failed.opened).rejects.toThrow('the file could not be read (the import worker stopped)');
    const silent = opening();
    expect(silent.timers.map((t) => t.ms)).toEqual([READ_LIMIT_MS]);
    silent.timers[0]!.callback();
    await expect(silent.opened).rejects.toThrow('reading it took longer than 60 s');
    expect(silent.worker.terminated).toBe(true);
  });

  it("an answered request's time limit does not fire later, and close ends the worker at once", async () => {
    const o = opening();
    o.say({ type: 'head', run: head, records: 5 });
    const file = await o.opened;
    o.timers[0]!.callback();
    await settle();
    expect(o.worker.terminated).toBe(false);
    file.close();
    expect(o.worker.terminated).toBe(true);
    expect(await file.next()).toBeNull();
  });
});
