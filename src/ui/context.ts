/**
 * What UI components may use: the store (screen state), the live runs (fast run data), and the
 * actions. The app's controller implements the actions; the UI never sees the worker or tfjs.
 */
import { createContext, useContext, type RefObject } from 'react';
import type { StepRecord } from '../engine/records';
import type { Scenario } from '../engine/scenario';
import type { Speed } from '../scenarios/speed';
import type { AppStore } from '../state/appState';
import type { ClassroomView } from '../state/classroom';
import type { LiveRun } from '../state/liveRun';
import type { MapProgress } from '../state/mapResults';
import type { Store } from '../state/store';
import type { OpenMap } from '../scenarios/mapLink';
import type { ImportedRun } from '../state/runFile';

export interface PlaygroundActions {
  /** Play up to the scenario's Steps; `continueRun`: train on past them. */
  play(continueRun?: boolean): void;
  pause(): void;
  toggle(): void;
  stepOnce(): void;
  reset(): void;
  setSpeed(speed: Speed): void;
  setSmoothing(smoothing: number): void;
  setScenario(next: Scenario, options?: { push?: boolean; preset?: string | null }): void;
  compareWith(fixed: Scenario, label: string): void;
  notify(message: string): void;
  /** Enter classroom mode with a view of the screen, or leave it (null). */
  setClassroom(view: ClassroomView | null): void;
  /** The memory budget runs are checked against, kept in this browser (null: the device's default). */
  setBudget(chosen: number | null): void;
}

/** Moving between the start screen (the lessons) and the playground. */
export interface LessonActions {
  /** Back to the start screen (a new history entry); the run pauses. */
  showLessons(): void;
  /** The playground with every setting, from the start screen (a new history entry). */
  freePlay(): void;
  /** Compute the verdicts of these presets, after whatever the open lesson needs. */
  checkAll(presetIds: readonly string[]): void;
}

/** The stability map: its cells so far (progress), and opening, computing, cancelling and closing it. */
export interface MapControls {
  readonly progress: Store<MapProgress>;
  open(map: OpenMap): void;
  compute(): void;
  cancel(): void;
  close(): void;
}

/** Records handed over a slice at a time: a long file is drawn a slice per frame. */
export interface RecordSlices {
  /** The next slice, or null after the last. */
  next(): Promise<readonly StepRecord[] | null>;
  /** No more are wanted. */
  close(): void;
}

/** A run file opened off the page's thread: its settings, how many records it holds, and the records in slices. */
export interface OpenedRunFile extends RecordSlices {
  run: Omit<ImportedRun, 'records'>;
  count: number;
}

/** Run files drawn beside the live runs. */
export interface RunImports {
  /** Read and check a run file off the page's thread; rejects with the reason it cannot be imported. */
  open(file: Blob): Promise<OpenedRunFile>;
  /** Draw a file's records as a run of its own (fed a slice per frame); returns its id. */
  add(label: string, records: readonly StepRecord[] | RecordSlices): string;
  feedOf(id: string): LiveRun | undefined;
}

export interface PlaygroundContextValue {
  store: AppStore;
  actions: PlaygroundActions;
  lessons: LessonActions;
  /** The main run: history (kept records for export), chart series, step counter. */
  run: LiveRun;
  /** The compare run, drawn over the main one while the store names one. */
  compare: LiveRun;
  imports: RunImports;
  /** The loss chart's SVG element (the PNG export draws it). */
  lossChartRef: RefObject<SVGSVGElement | null>;
  map: MapControls;
}

export const PlaygroundContext = createContext<PlaygroundContextValue | null>(null);

export function usePlayground(): PlaygroundContextValue {
  const value = useContext(PlaygroundContext);
  if (!value) throw new Error('usePlayground outside <PlaygroundContext.Provider>');
  return value;
}
