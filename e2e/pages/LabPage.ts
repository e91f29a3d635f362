// Page object for lab.html: the engine on the page's main thread, driven directly.
import type { Page } from '@playwright/test';
import type { BackendStatus } from '../../src/engine/backend';
import type { BackendRequest, ModelKind, Scenario } from '../../src/engine/scenario';
import type { Lab, LabRun } from '../../src/lab/main';
import type { Quirk } from '../../src/engine/backendQuirks';
import type { SentinelMode } from '../../src/engine/sentinel';

declare const __lab: Lab;

export class LabPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('./lab.html');
    await this.page.waitForSelector('body[data-ready="true"]');
  }

  init(backend: BackendRequest, model: ModelKind): Promise<BackendStatus> {
    return this.page.evaluate(([b, m]) => __lab.init(b, m), [backend, model] as const);
  }

  quirks(): Promise<Quirk[]> {
    return this.page.evaluate(() => __lab.quirks());
  }

  run(overrides: Partial<Scenario>, steps: number, sentinel: SentinelMode = 'fast'): Promise<LabRun> {
    return this.page.evaluate(([o, n, s]) => __lab.run(o, n, s), [overrides, steps, sentinel] as const);
  }
}
