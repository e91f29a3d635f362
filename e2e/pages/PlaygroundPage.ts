/**
 * Page object for the playground screen. Specs say what a user does ("play", "set the learning
 * rate"); this file knows which element that is and how to read the app's state.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export interface PlaygroundState {
  scenario: Record<string, unknown> & { lr: number; backend: string; model: string };
  backend: { requested: string; active: string; reason: string | null } | null;
  step: number;
  losses: number[];
  report: { step: number; quantity: string; kind: string; phase: string } | null;
  running: boolean;
  rejected: { key: string; value: string; reason: string }[];
}

export class PlaygroundPage {
  readonly playButton: Locator;
  readonly stepButton: Locator;
  readonly resetButton: Locator;
  readonly stepCounter: Locator;
  readonly backendIndicator: Locator;
  readonly lossChart: Locator;
  readonly diagnosis: Locator;
  readonly notice: Locator;
  readonly speed: Locator;

  constructor(readonly page: Page) {
    this.playButton = page.getByTestId('play-button');
    this.stepButton = page.getByTestId('step-button');
    this.resetButton = page.getByTestId('reset-button');
    this.stepCounter = page.getByTestId('step-counter');
    this.backendIndicator = page.getByTestId('backend-indicator');
    this.lossChart = page.getByTestId('loss-chart');
    this.diagnosis = page.getByTestId('diagnosis');
    this.notice = page.getByTestId('notice');
    this.speed = page.getByTestId('speed-select');
  }

  /** Open the app with a query string (without the leading '?') and wait until a backend is active. */
  async open(query = ''): Promise<void> {
    await this.page.goto(query ? `./?${query}` : './');
    await expect.poll(async () => (await this.state()).backend?.active ?? null, { timeout: 60_000 }).not.toBeNull();
  }

  async state(): Promise<PlaygroundState> {
    return this.page.evaluate(() => {
      const hooks = (window as unknown as { __nanPlayground?: { getState(): unknown } }).__nanPlayground;
      return (hooks ? hooks.getState() : { backend: null, step: 0, losses: [], running: false }) as never;
    });
  }

  async step(): Promise<number> {
    return Number(await this.stepCounter.textContent());
  }

  async play(): Promise<void> {
    await this.playButton.click();
    await expect.poll(async () => (await this.state()).running).toBe(true);
  }

  async pause(): Promise<void> {
    if ((await this.state()).running) await this.playButton.click();
    await expect.poll(async () => (await this.state()).running).toBe(false);
  }

  async setSpeed(stepsPerFrame: number): Promise<void> {
    await this.speed.selectOption(String(stepsPerFrame));
  }

  /** Wait until the app has taken at least `n` steps. */
  async waitForStep(n: number, timeout = 60_000): Promise<void> {
    await expect.poll(async () => (await this.state()).step, { timeout }).toBeGreaterThanOrEqual(n);
  }

  /** Play until at least `n` steps, then pause; returns the step it paused at. */
  async trainSteps(n: number, timeout = 60_000): Promise<number> {
    await this.play();
    await this.waitForStep(n, timeout);
    await this.pause();
    return (await this.state()).step;
  }

  control(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Type a value into a numeric control's text box and commit it with Enter. */
  async typeValue(fieldKey: string, value: string): Promise<void> {
    const box = this.page.getByTestId(`field-${fieldKey}-text`);
    await box.fill(value);
    await box.press('Enter');
  }

  fieldError(fieldKey: string): Locator {
    return this.page.getByTestId(`field-${fieldKey}-error`);
  }

  firstNonFinite(): Locator {
    return this.page.getByTestId('first-nonfinite');
  }

  fixButtons(): Locator {
    return this.page.getByTestId('fix-button');
  }

  compareButton(): Locator {
    return this.page.getByTestId('compare-button');
  }

  async getCompare(): Promise<{ status: string; label: string; losses: number[] } | null> {
    return this.page.evaluate(() => {
      const hooks = (window as unknown as { __nanPlayground?: { getCompare(): unknown } }).__nanPlayground;
      return (hooks?.getCompare() ?? null) as never;
    });
  }

  async frameStats(n = 120): Promise<{ frames: number; mean: number; p90: number }> {
    return this.page.evaluate((count) => {
      const hooks = (window as unknown as { __nanPlayground: { frameStats(n: number): { frames: number; mean: number; p90: number } } }).__nanPlayground;
      return hooks.frameStats(count);
    }, n);
  }

  async resetFrameStats(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as { __nanPlayground: { resetFrameStats(): void } }).__nanPlayground.resetFrameStats());
  }

  /** Click an export button and return the download. */
  async download(testId: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    return download;
  }

  async importRunFile(path: string): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles(path);
  }
}
