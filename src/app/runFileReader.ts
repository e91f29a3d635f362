/**
 * Reading a run file on the page's behalf: the import worker (import.worker.ts) parses and checks
 * it and keeps the records; the page gets the run's settings at once and the records a slice at a
 * time. A worker that stops without a word (out of memory on a huge file) or takes longer than
 * READ_LIMIT_MS to answer is reported, not waited on forever.
 */
import type { StepRecord } from '../engine/records';
import type { OpenedRunFile } from '../ui/context';
import type { FromImportWorker, ToImportWorker } from './importProtocol';
import type { SetTimer } from './notices';

/** Far above what the largest file takes to read (a few seconds for 100 MB on two cores). */
export const READ_LIMIT_MS = 60_000;

/** The file opened, or a rejection whose message says why it cannot be imported. */
export function openRunFile(file: Blob, makeWorker: () => Worker, setTimer: SetTimer): Promise<OpenedRunFile> {
  const worker = makeWorker();
  let closed = false;
  const close = (): void => {
    closed = true;
    worker.terminate();
  };
  // One request at a time: the head, then each slice.
  let waiting: { id: number; resolve(m: FromImportWorker): void; reject(e: Error): void } | null = null;
  let asked = 0;
  const fail = (e: Error): void => {
    const w = waiting;
    waiting = null;
    close();
    w?.reject(e);
  };
  const ask = (m: ToImportWorker): Promise<FromImportWorker> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error('the file was closed'));
      const id = ++asked;
      waiting = { id, resolve, reject };
      worker.postMessage(m);
      setTimer(() => {
        if (waiting?.id === id) fail(new Error(`reading it took longer than ${READ_LIMIT_MS / 1000} s`));
      }, READ_LIMIT_MS);
    });
  worker.onmessage = (e: MessageEvent<FromImportWorker>) => {
    const w = waiting;
    waiting = null;
    w?.resolve(e.data);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    fail(new Error(`the file could not be read (${e.message || 'the import worker stopped'})`));
  };
  return ask({ type: 'read', file }).then((m) => {
    if (m.type !== 'head') {
      close();
      throw new Error(m.type === 'refused' ? m.message : 'the import worker answered out of turn');
    }
    let left = m.records;
    return {
      run: m.run,
      count: m.records,
      async next(): Promise<readonly StepRecord[] | null> {
        if (left <= 0 || closed) {
          close();
          return null;
        }
        const slice = await ask({ type: 'next' });
        const records = slice.type === 'records' ? slice.records : [];
        left = records.length === 0 ? 0 : left - records.length;
        return records;
      },
      close,
    };
  });
}
