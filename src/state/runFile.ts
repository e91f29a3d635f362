/**
 * The run as a file: JSON (scenario, records, sentinel report) and CSV. JSON has no NaN or
 * Infinity, so non-finite numbers are written as the strings "NaN", "Infinity", "-Infinity" and
 * read back as numbers; import validates the scenario with the schema and reports what it dropped.
 */
import { decodeNonFinite, encodeNonFinite } from '../engine/nonFiniteJson';
import type { NonFiniteReport, StepRecord } from '../engine/records';
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import { restoreScenario, type RejectedKey, type SettingSource } from '../scenarios/restore';
import { FIELD_BY_KEY } from '../scenarios/schema';

const RUN_FILE_FORMAT = 'nan-playground-run';
const RUN_FILE_VERSION = 1;

export interface RunFile {
  format: typeof RUN_FILE_FORMAT;
  version: number;
  exportedAt: string;
  scenario: Scenario;
  report: NonFiniteReport | null;
  records: StepRecord[];
}

export function runToJson(scenario: Scenario, records: StepRecord[], report: NonFiniteReport | null, now = new Date()): string {
  const file: RunFile = { format: RUN_FILE_FORMAT, version: RUN_FILE_VERSION, exportedAt: now.toISOString(), scenario, report, records };
  return JSON.stringify(file, encodeNonFinite);
}

const csvNumber = (v: number | undefined): string =>
  v === undefined ? '' : Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Inf' : v === -Infinity ? '-Inf' : String(v);
const csvName = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function runToCsv(records: StepRecord[]): string {
  const params = [...new Set(records.flatMap((r) => Object.keys(r.gradNorms)))];
  const header = ['step', 'loss', 'gradNorm', 'nonFinite', 'skipped', ...params.map((p) => `grad:${p}`), ...params.map((p) => `weight:${p}`)];
  const rows = records.map((r) =>
    [
      String(r.step),
      csvNumber(r.loss),
      csvNumber(r.gradNorm),
      r.nonFinite ? '1' : '0',
      r.skipped ? '1' : '0',
      ...params.map((p) => csvNumber(r.gradNorms[p])),
      ...params.map((p) => csvNumber(r.weightNorms[p])),
    ].join(','),
  );
  return [header.map(csvName).join(','), ...rows].join('\n') + '\n';
}

export interface ImportedRun {
  scenario: Scenario;
  rejected: RejectedKey[];
  records: StepRecord[];
  report: NonFiniteReport | null;
}

/** A file's scenario is already typed JSON, keyed by full field names (a link's short names are not read). */
const FILE_SETTINGS: SettingSource = {
  fieldFor: (key) => FIELD_BY_KEY.get(key as keyof Scenario),
  read: (_field, raw) => ({ ok: true, value: raw }),
  show: (raw) => JSON.stringify(raw) ?? String(raw),
};

/** Parse an exported run. Throws only when the text is not a run file at all. */
export function parseRunJson(text: string): ImportedRun {
  let raw: unknown;
  try {
    raw = JSON.parse(text, decodeNonFinite);
  } catch (e) {
    throw new Error(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const file = raw as Partial<RunFile>;
  if (typeof raw !== 'object' || raw === null || file.format !== RUN_FILE_FORMAT) throw new Error('not a NaN playground run file');
  const given = typeof file.scenario === 'object' && file.scenario !== null ? file.scenario : {};
  const { scenario, rejected } = restoreScenario(DEFAULT_SCENARIO, Object.entries(given), FILE_SETTINGS);
  return { scenario, rejected, records: Array.isArray(file.records) ? file.records : [], report: file.report ?? null };
}
