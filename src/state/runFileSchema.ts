/**
 * What a run file's records and report must look like before the page draws them (zod, as the
 * scenario's fields are checked in src/scenarios/schema.ts), and the limits that keep an import
 * from flooding the page: a file's size, its records, the keys of one record. The playground's own
 * exports stay within all of them (state/keptRecords.ts caps what a run keeps).
 */
import { z } from 'zod';
import type { NonFiniteReport, StepRecord } from '../engine/records';
import { MAX_KEPT_RECORDS } from './keptRecords';

/**
 * The largest file read: a run keeps at most 16 MiB of numbers, which its JSON spells out in
 * about 4 bytes of text per byte (575 bytes a record for the default MLP: 100,000 records, 58 MB).
 */
export const MAX_RUN_FILE_BYTES = 100e6;
/** Records one file may hold: what a run keeps at most. */
export const MAX_FILE_RECORDS = MAX_KEPT_RECORDS;
/** Parameters or layers one record may name (a U-Net with batch norm names under 100). */
export const MAX_RECORD_KEYS = 1000;

/** A number as decodeNonFinite gives it back: NaN and ±Infinity included (zod's number refuses them). */
const anyNumber = z.custom<number>((v) => typeof v === 'number', 'not a number');
const perName = z
  .record(z.string(), anyNumber)
  .refine((m) => Object.keys(m).length <= MAX_RECORD_KEYS, `names more than ${MAX_RECORD_KEYS} parameters or layers`);

const warning = z.object({
  step: z.number(),
  kind: z.enum(['overflowRisk', 'fastGrowth']),
  quantity: z.string(),
  value: anyNumber,
  limit: anyNumber,
  message: z.string(),
});

const stepRecord = z.object({
  step: z.number().int().min(1),
  loss: anyNumber,
  gradNorm: anyNumber,
  gradNorms: perName,
  weightNorms: perName,
  updateRatios: perName,
  activationMax: perName,
  nonFinite: z.boolean(),
  skipped: z.boolean(),
  warnings: z.array(warning).max(100),
  /** The held-out loss, on the steps that measured one (2D data sets with a held-out share). */
  heldOutLoss: anyNumber.optional(),
});

const counts = z.object({ nan: z.number(), posInf: z.number(), negInf: z.number() });
// The reader turns every "NaN" string into the number, the kind "NaN" too: it is turned back here.
const kind = z.preprocess((v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v), z.enum(['NaN', '+Inf', '-Inf']));
const quantity = z.object({
  quantity: z.string(),
  phase: z.enum(['data', 'forward', 'loss', 'backward', 'clip', 'update']),
  kind,
  counts,
  size: z.number(),
});
const report = quantity.extend({
  step: z.number().int().min(1),
  lastFiniteMaxAbs: anyNumber.nullable(),
  cascade: z.array(quantity).max(MAX_RECORD_KEYS),
  backend: z.string(),
  precision: z.string(),
  growth: z.array(z.object({ quantity: z.string(), values: z.array(anyNumber) })).max(MAX_RECORD_KEYS),
});

/** The file's records, checked, or why not ("record 12: loss: not a number"). */
export function readRecords(raw: unknown): { ok: true; records: StepRecord[] } | { ok: false; reason: string } {
  if (raw === undefined) return { ok: true, records: [] };
  if (!Array.isArray(raw)) return { ok: false, reason: '"records" is not a list' };
  if (raw.length > MAX_FILE_RECORDS) {
    return {
      ok: false,
      reason: `it holds ${raw.length.toLocaleString('en-US')} records; a run file holds at most ${MAX_FILE_RECORDS.toLocaleString('en-US')}`,
    };
  }
  const records: StepRecord[] = [];
  for (let i = 0; i < raw.length; i++) {
    const parsed = stepRecord.safeParse(raw[i]);
    if (!parsed.success) return { ok: false, reason: `record ${i + 1} is not a step record (${issueText(parsed.error)})` };
    records.push(parsed.data as StepRecord);
  }
  return { ok: true, records };
}

/** The file's sentinel report, or null where there is none or it is malformed (then it is left out, not trusted). */
export function readReport(raw: unknown): NonFiniteReport | null {
  const parsed = report.safeParse(raw);
  return parsed.success ? (parsed.data as NonFiniteReport) : null;
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'malformed';
  return `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}
