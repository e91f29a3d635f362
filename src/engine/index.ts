/** The engine's public API: trainers, backend selection, records and the scenario contract. */
export { createTrainer, unsupportedReason } from './trainer';
export type { Trainer, TrainerOptions, Snapshot } from './trainer';
export type { Preview } from './preview';
export type { SentinelMode } from './sentinel';
export type { Dataset, Block } from './data/tabular';
export * from './backend';
export { memoryInUse, type MemoryInUse } from './memory';
export * from './records';
export * from './scenario';
