/**
 * The import worker: reads, parses and checks a run file (state/runFile.ts) away from the page's
 * thread, so that no file, however large or odd, blocks the page; a file over the size limit is
 * refused before a byte of it is read. It keeps the records and hands them over a slice at a time
 * as the page asks. One worker per file, ended by the page when it has them all.
 */
import type { StepRecord } from '../engine/records';
import { parseRunJson, runFileSizeProblem } from '../state/runFile';
import { RECORDS_PER_SLICE, type FromImportWorker, type ToImportWorker } from './importProtocol';

const post = (m: FromImportWorker): void => (self as unknown as Worker).postMessage(m);
let records: StepRecord[] = [];
let sent = 0;

async function read(file: Blob): Promise<void> {
  const tooLarge = runFileSizeProblem(file.size);
  if (tooLarge) return post({ type: 'refused', message: tooLarge });
  const { records: all, ...head } = parseRunJson(await file.text());
  records = all;
  post({ type: 'head', run: head, records: records.length });
}

self.onmessage = (event: MessageEvent<ToImportWorker>) => {
  const m = event.data;
  if (m.type === 'next') {
    post({ type: 'records', records: records.slice(sent, sent + RECORDS_PER_SLICE) });
    sent += RECORDS_PER_SLICE;
    return;
  }
  read(m.file).catch((e: unknown) => post({ type: 'refused', message: e instanceof Error ? e.message : String(e) }));
};
