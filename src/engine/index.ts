/** The engine's public API: trainers, backend selection, records, the scenario contract and what a run costs. */
export { createTrainer, unsupportedReason } from './trainer';
export type { Trainer, TrainerOptions, Snapshot } from './trainer';
export type { Preview } from './preview';
export type { SentinelMode } from './sentinel';
export type { Dataset, Block } from './data/tabular';
export * from './backend';
export { memoryInUse, type MemoryInUse } from './memory';
export * from './records';
export * from './scenario';
export { estimateCost, type Cost, type CostBytes, type CostDriver } from './cost';
export { backendLimits, DEFAULT_LIMITS, WASM_HEAP_BYTES, type BackendLimits, type LimitOptions, type LimitProblem } from './backendLimits';
export { budgetFor, checkRun, DEFAULT_BUDGET_SHARE, withinBudget, type BudgetVerdict } from './budget';
export { formatBytes } from './costText';
