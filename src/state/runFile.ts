/**
 * The run as a file: JSON (scenario, records, sentinel report, which steps it holds) and CSV. JSON
 * has no NaN or Infinity, so non-finite numbers are written as the strings "NaN", "Infinity",
 * "-Infinity" and read back as numbers; import validates the scenario with the schema and reports
 * what it dropped. Version 2 added `steps` (which steps of the run the file holds); version 1 files,
 * which do not say, are still read; a newer version or none at all is refused with a reason.
 */
import { decodeNonFinite, encodeNonFinite } from '../engine/nonFiniteJson';
import type { NonFiniteReport, StepRecord } from '../engine/records';
import { DEFAULT_SCENARIO, type Scenario } from '../engine/scenario';
import { MAX_REPORTED, shorten } from '../scenarios/codec';
import { restoreScenario, type RejectedKey, type SettingSource } from '../scenarios/restore';
import { FIELD_BY_KEY } from '../scenarios/schema';
import { MAX_RUN_FILE_BYTES, readRecords, readReport } from './runFileSchema';
import { describeSteps, type ExportedRecords, type StepCoverage } from './stepCoverage';

const RUN_FILE_FORMAT = 'nan-playground-run';
export const RUN_FILE_VERSION = 2;

export interface RunFile {
  format: typeof RUN_FILE_FORMAT;
  version: number;
  exportedAt: string;
  scenario: Scenario;
  report: NonFiniteReport | null;
  /** Which steps the file holds (from version 2). */
  steps: StepCoverage;
  records: StepRecord[];
}

export function runToJson(scenario: Scenario, run: ExportedRecords, report: NonFiniteReport | null, now = new Date()): string {
  const file: RunFile = {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    exportedAt: now.toISOString(),
    scenario,
    report,
    steps: run.steps,
    records: run.records,
  };
  return JSON.stringify(file, encodeNonFinite);
}

const csvNumber = (v: number | undefined): string =>
  v === undefined ? '' : Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Inf' : v === -Infinity ? '-Inf' : String(v);
const csvName = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * CSV of the records; a file that holds part of the run says which part in a first `#` line. A run
 * with a held-out loss gets a heldOutLoss column after loss, empty on the steps that did not measure it.
 */
export function runToCsv({ records, steps }: ExportedRecords): string {
  const params = [...new Set(records.flatMap((r) => Object.keys(r.gradNorms)))];
  const heldOut = records.some((r) => r.heldOutLoss !== undefined);
  const lossColumns = heldOut ? ['loss', 'heldOutLoss'] : ['loss'];
  const header = ['step', ...lossColumns, 'gradNorm', 'nonFinite', 'skipped', ...params.map((p) => `grad:${p}`), ...params.map((p) => `weight:${p}`)];
  const rows = records.map((r) =>
    [
      String(r.step),
      csvNumber(r.loss),
      ...(heldOut ? [csvNumber(r.heldOutLoss)] : []),
      csvNumber(r.gradNorm),
      r.nonFinite ? '1' : '0',
      r.skipped ? '1' : '0',
      ...params.map((p) => csvNumber(r.gradNorms[p])),
      ...params.map((p) => csvNumber(r.weightNorms[p])),
    ].join(','),
  );
  // Only a subset gets the comment line: a complete file stays plain CSV for every tool.
  const note = steps.reason === null ? [] : [`# ${describeSteps(steps)}`];
  return [...note, header.map(csvName).join(','), ...rows].join('\n') + '\n';
}

export interface ImportedRun {
  scenario: Scenario;
  rejected: RejectedKey[];
  records: StepRecord[];
  report: NonFiniteReport | null;
  /** Which steps the file says it holds; null for a version 1 file, which does not say. */
  steps: StepCoverage | null;
}

/** A file's scenario is already typed JSON, keyed by full field names (a link's short names are not read). */
const FILE_SETTINGS: SettingSource = {
  fieldFor: (key) => FIELD_BY_KEY.get(key as keyof Scenario),
  read: (_field, raw) => ({ ok: true, value: raw }),
  // JSON would show NaN and ±Infinity as null.
  show: (raw) => (typeof raw === 'number' && !Number.isFinite(raw) ? String(raw) : (JSON.stringify(raw) ?? String(raw))),
};

/** Why a file of `bytes` is not read at all, or null: checked before a byte of it is. */
export function runFileSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_RUN_FILE_BYTES) return null;
  return `this file is ${(bytes / 1e6).toFixed(0)} MB; a run file may be at most ${MAX_RUN_FILE_BYTES / 1e6} MB`;
}

/** As a link's notice lists them: at most MAX_REPORTED, each cut short, and a count of the rest. */
function reported(rejected: readonly RejectedKey[]): RejectedKey[] {
  const listed = rejected.slice(0, MAX_REPORTED).map((r) => ({ key: shorten(r.key), value: shorten(r.value), reason: r.reason }));
  const rest = rejected.length - listed.length;
  return rest > 0 ? [...listed, { key: '…', value: '', reason: `${rest.toLocaleString('en-US')} more ignored keys not listed` }] : listed;
}

/** Parse an exported run. Throws when the text is not a run file, or one of a version this playground cannot read. */
export function parseRunJson(text: string): ImportedRun {
  let raw: unknown;
  try {
    raw = JSON.parse(text, decodeNonFinite);
  } catch (e) {
    throw new Error(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const file = raw as Partial<RunFile>;
  if (typeof raw !== 'object' || raw === null || file.format !== RUN_FILE_FORMAT) throw new Error('not a NaN playground run file');
  const unreadable = versionProblem(file.version);
  if (unreadable) throw new Error(unreadable);
  const records = readRecords(file.records);
  if (!records.ok) throw new Error(`its records cannot be drawn: ${records.reason}`);
  const given = typeof file.scenario === 'object' && file.scenario !== null ? file.scenario : {};
  const { scenario, rejected } = restoreScenario(DEFAULT_SCENARIO, Object.entries(given), FILE_SETTINGS);
  const report = readReport(file.report);
  if (report === null && file.report != null) rejected.push({ key: 'report', value: '(the sentinel report)', reason: 'malformed; left out' });
  return { scenario, rejected: reported(rejected), records: records.records, report, steps: readCoverage(file.steps) };
}

/** The file's `steps` statement when it is well formed (a hand-edited one is dropped, not trusted). */
function readCoverage(raw: unknown): StepCoverage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const c = raw as Partial<StepCoverage>;
  const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  const rangesOk = Array.isArray(c.ranges) && c.ranges.every((r) => Array.isArray(r) && r.length === 2 && r.every(Number.isFinite));
  if (!isCount(c.total) || !isCount(c.kept) || !rangesOk || !(c.reason === null || typeof c.reason === 'string')) return null;
  return { total: c.total, kept: c.kept, ranges: c.ranges!, reason: c.reason };
}

/**
 * Why a file's version cannot be read, or null when it can. A newer file may mean something this
 * playground would misread, and a file without a version was not written by any playground, so
 * neither is guessed at.
 */
function versionProblem(version: unknown): string | null {
  const readable = `this playground reads versions 1 to ${RUN_FILE_VERSION}`;
  if (version === undefined)
    return `this file has no "version", so it cannot be told how to read it (${readable}; the files it exports say "version": ${RUN_FILE_VERSION})`;
  if (!Number.isInteger(version) || (version as number) < 1) return `this file's "version" is ${JSON.stringify(version)}, not a version number (${readable})`;
  if ((version as number) > RUN_FILE_VERSION)
    return `this file is version ${String(version)}; this playground reads up to version ${RUN_FILE_VERSION} (a newer playground wrote it: open it there)`;
  return null;
}
