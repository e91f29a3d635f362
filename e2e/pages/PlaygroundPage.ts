/**
 * Page object for the playground screen. Specs say what a user does ("play", "set the learning
 * rate"); this file knows which element that is and how to read the app's state.
 */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { FrameSummary } from '../../src/state/frameProbe';

export interface PlaygroundState {
  scenario: Record<string, unknown> & { lr: number; backend: string; model: string };
  backend: { requested: string; active: string; reason: string | null; quirks: { id: string; description: string }[] } | null;
  step: number;
  losses: number[];
  /** [step, held-out loss] of the steps that measured one. */
  validation: [number, number][];
  report: { step: number; quantity: string; kind: string; phase: string; backend: string; precision: string } | null;
  running: boolean;
  rejected: { key: string; value: string; reason: string }[];
  refusal: { message: string; fields: string[]; smaller: Record<string, unknown> | null } | null;
  parameters: string[];
  records: number;
  stopReason: string | null;
  outcome: OutcomeState | null;
  watchedOutcome: OutcomeState | null;
}

export interface OutcomeState {
  status: string;
  backend: string | null;
  verdict: string | null;
  firstNonFinite: { step: number; quantity: string; kind: string } | null;
}

/** Ask the app for its test hooks on every page load of `page` (before the app's scripts run). */
export async function enableTestHooks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __nanPlaygroundTest: boolean }).__nanPlaygroundTest = true;
  });
}

export class PlaygroundPage {
  readonly playButton: Locator;
  readonly stepButton: Locator;
  readonly resetButton: Locator;
  readonly stepCounter: Locator;
  readonly backendIndicator: Locator;
  readonly lossChart: Locator;
  /** The curves layer inside the loss chart (data-points, data-compare-points). */
  readonly lossSeries: Locator;
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
    this.lossSeries = page.getByTestId('loss-series');
    this.diagnosis = page.getByTestId('diagnosis');
    this.notice = page.getByTestId('notice');
    this.speed = page.getByTestId('speed-select');
  }

  /**
   * Open the playground with a query string (without the leading '?') and wait until a backend is active. The
   * default, `v=1`, is free play: every setting at its default (an address with no query is the start screen).
   */
  async open(query = 'v=1'): Promise<void> {
    await this.page.goto(`./?${query}`);
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

  /** Press Play and wait until training visibly started (a short run may already have stopped again). */
  async play(): Promise<void> {
    const before = (await this.state()).step;
    await this.playButton.click();
    await expect
      .poll(async () => {
        const s = await this.state();
        return s.running || s.step > before || s.report !== null;
      })
      .toBe(true);
  }

  /** Type into a control's text box (opening its settings group if folded) and commit with Enter. */
  async setText(fieldKey: string, value: string): Promise<void> {
    const box = this.page.getByTestId(`field-${fieldKey}-text`);
    await this.page.evaluate((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      const group = el?.closest('details');
      if (group) group.open = true;
    }, `field-${fieldKey}-text`);
    await box.fill(value);
    await box.press('Enter');
  }

  async pause(): Promise<void> {
    if ((await this.state()).running) await this.playButton.click();
    await expect.poll(async () => (await this.state()).running).toBe(false);
  }

  async setSpeed(speed: number | 'auto'): Promise<void> {
    await this.speed.selectOption(String(speed));
  }

  /** The speed select's text as the user reads it ("auto", "7 / frame"). */
  async speedShown(): Promise<string> {
    return this.speed.evaluate((el: HTMLSelectElement) => el.options[el.selectedIndex]?.text ?? '');
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

  async frameStats(n = 120): Promise<FrameSummary> {
    return this.page.evaluate((count) => {
      const hooks = (window as unknown as { __nanPlayground: { frameStats(n: number): FrameSummary } }).__nanPlayground;
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

  /** Give keyboard focus to the page itself (not a control), as after clicking on empty space. */
  async focusPage(): Promise<void> {
    await this.page.locator('h1').click();
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Start recording main-thread long tasks (PerformanceObserver 'longtask'). */
  async watchLongTasks(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
  }

  async longTasks(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  }

  /** Choose the diagnosis's first fix and compare it against this run; waits until the compare run is done. */
  async compareFirstFix(): Promise<void> {
    await this.fixButtons().first().click();
    await this.compareButton().click();
    await expect(this.page.getByTestId('compare-status')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  }

  /** Point at a fraction (0…1) of the loss chart's plot width; returns the step the hover shows and its lines. */
  async hoverLoss(fraction: number): Promise<{ step: number; lines: { text: string; value: string; kind: string }[] }> {
    const area = this.page.getByTestId('loss-plot-area');
    await area.scrollIntoViewIfNeeded();
    const box = (await area.boundingBox())!;
    await this.page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2, { steps: 2 });
    const hover = this.page.getByTestId('loss-hover');
    await expect(hover).toBeVisible();
    const lines = await hover
      .getByTestId('loss-hover-line')
      .evaluateAll((els) =>
        els.map((e) => ({ text: e.textContent ?? '', value: e.getAttribute('data-value') ?? '', kind: e.getAttribute('data-kind') ?? '' })),
      );
    return { step: Number(await hover.getAttribute('data-step')), lines };
  }

  /** Drag across the loss chart from one fraction of its plot width to another (a zoom). */
  async dragLoss(from: number, to: number): Promise<void> {
    const area = this.page.getByTestId('loss-plot-area');
    await area.scrollIntoViewIfNeeded();
    const box = (await area.boundingBox())!;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * from, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * to, y, { steps: 4 });
    await this.page.mouse.up();
  }

  /** The validation curves on the loss chart (one path per run with a held-out loss). */
  validationLines(): Locator {
    return this.lossSeries.locator('path[data-series="validation"]');
  }

  /** The zoomed steps as "from-to", or '' when the chart shows the whole run. */
  async lossZoom(): Promise<string> {
    return (await this.lossSeries.getAttribute('data-zoom')) ?? '';
  }

  runToggle(id: string): Locator {
    return this.page.getByTestId(`run-toggle-${id}`);
  }

  async openPreset(id: string): Promise<void> {
    await this.open(`preset=${id}`);
  }

  async waitForReport(timeout = 60_000): Promise<NonNullable<PlaygroundState['report']>> {
    await expect.poll(async () => (await this.state()).report !== null, { timeout }).toBe(true);
    return (await this.state()).report!;
  }

  /** tf.memory().numTensors in the training worker. */
  async tensorCount(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __nanPlayground: { tensorCount(): Promise<number> } }).__nanPlayground.tensorCount());
  }

  /** Terminate a worker as the browser would: no event reaches the page, only its liveness check can tell. */
  async killWorker(which: 'training' | 'compare' | 'outcome'): Promise<void> {
    await this.page.evaluate((w) => (window as unknown as { __nanPlayground: { killWorker(which: string): void } }).__nanPlayground.killWorker(w), which);
  }

  /**
   * Terminate a worker and time, in the page, how long until the element with `testId` says it is gone (its text
   * contains `text`, or its data-status is `status`). Timed in the page: a poll from the test adds up to a second of
   * its own (Playwright's retry intervals).
   */
  async msFromKillUntil(which: 'training' | 'compare', shown: { testId: string; text?: string; status?: string }, timeout = 5000): Promise<number> {
    return this.page.evaluate(
      ({ which, shown, timeout }) =>
        new Promise<number>((resolve, reject) => {
          const seen = (): boolean => {
            const el = document.querySelector(`[data-testid="${shown.testId}"]`);
            if (!el) return false;
            if (shown.status !== undefined && el.getAttribute('data-status') !== shown.status) return false;
            return shown.text === undefined || (el.textContent ?? '').includes(shown.text);
          };
          const t0 = performance.now();
          const watch = new MutationObserver(() => {
            if (!seen()) return;
            watch.disconnect();
            resolve(performance.now() - t0);
          });
          watch.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
          setTimeout(() => reject(new Error(`not shown within ${timeout} ms of the kill`)), timeout);
          (window as unknown as { __nanPlayground: { killWorker(which: string): void } }).__nanPlayground.killWorker(which);
        }),
      { which, shown, timeout },
    );
  }

  /** Destroy the training worker's WebGPU device, as a driver reset would. */
  async loseDevice(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as { __nanPlayground: { loseDevice(): void } }).__nanPlayground.loseDevice());
  }

  /** The settings' cost line: the run's memory against the budget, its work and pace, and the budget select. */
  costLine(): Locator {
    return this.page.getByTestId('cost-line');
  }

  /** Choose a memory budget by the text of its option ("1 GB", or the device's default). */
  async chooseBudget(label: string | RegExp): Promise<void> {
    const select = this.page.getByTestId('budget-select');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const match = options.find((o) => (typeof label === 'string' ? o.text === label : label.test(o.text)));
    if (!match) throw new Error(`no budget option ${String(label)} among ${options.map((o) => o.text).join(', ')}`);
    await select.selectOption(match.value);
  }

  /** A scenario refused before it was built, with its smaller variant's button. */
  budgetRefusal(): Locator {
    return this.page.getByTestId('budget-refusal');
  }

  /** The notice of a training worker error, with its Reset button. */
  workerError(): Locator {
    return this.page.getByTestId('worker-error');
  }

  /** The open preset's computed outcome (data-status: running, done or error). */
  presetOutcome(): Locator {
    return this.page.getByTestId('preset-panel').getByTestId('preset-outcome');
  }

  /** The compare run's status line (data-status: running, done or error). */
  compareStatus(): Locator {
    return this.page.getByTestId('compare-status');
  }

  async importRunFile(path: string): Promise<void> {
    await this.page.getByTestId('import-input').setInputFiles(path);
  }

  /** The decision-boundary heat map of a 2D classification run (its figure: canvas and caption). */
  boundaryMap(): Locator {
    return this.page.getByTestId('boundary-map');
  }

  /** The accuracies the boundary map shows (shares 0…1; test null when nothing is held out), or null before its first preview. */
  async boundaryAccuracy(): Promise<{ train: number; test: number | null } | null> {
    const map = this.boundaryMap();
    if ((await map.count()) === 0) return null;
    const [train, test] = await Promise.all([map.getAttribute('data-train-accuracy'), map.getAttribute('data-test-accuracy')]);
    return { train: Number(train), test: test ? Number(test) : null };
  }

  /**
   * Which class the heat map paints where: the share of clearly blue (class 1) and clearly orange
   * (class 0) pixels in a square patch at the centre of the canvas and in its four corners together.
   */
  async boundaryColours(patch = 0.12): Promise<{ centre: { blue: number; orange: number }; corners: { blue: number; orange: number } }> {
    return this.boundaryMap()
      .locator('canvas')
      .evaluate((canvas: HTMLCanvasElement, share: number) => {
        const ctx = canvas.getContext('2d')!;
        const side = Math.max(1, Math.round(canvas.width * share));
        const tally = (x: number, y: number, into: { blue: number; orange: number; all: number }): void => {
          const px = ctx.getImageData(x, y, side, side).data;
          for (let i = 0; i < px.length; i += 4) {
            const [r, b] = [px[i]!, px[i + 2]!];
            into.all += 1;
            if (b > r + 40) into.blue += 1;
            else if (r > b + 40) into.orange += 1;
          }
        };
        const centre = { blue: 0, orange: 0, all: 0 };
        const corners = { blue: 0, orange: 0, all: 0 };
        tally(Math.round((canvas.width - side) / 2), Math.round((canvas.height - side) / 2), centre);
        for (const [x, y] of [
          [0, 0],
          [canvas.width - side, 0],
          [0, canvas.height - side],
          [canvas.width - side, canvas.height - side],
        ] as const)
          tally(x, y, corners);
        const shares = (t: typeof centre) => ({ blue: t.blue / t.all, orange: t.orange / t.all });
        return { centre: shares(centre), corners: shares(corners) };
      }, patch);
  }

  /** The network diagram: its drawing and its words. */
  networkDiagram(): Locator {
    return this.page.getByTestId('network-diagram');
  }

  /** A column of the diagram by its id ("data", "dense1", "loss"). */
  networkColumn(id: string): Locator {
    return this.networkDiagram().locator(`[data-testid="network-column"][data-column="${id}"]`);
  }

  /**
   * What the diagram shows of a flag: the name on the flag's label, the column it stands over, the
   * column drawn lit as the first and those lit after it; null while nothing is flagged.
   */
  async diagramFlag(): Promise<{ label: string; over: string; first: string | null; cascade: string[] } | null> {
    const flag = this.networkDiagram().getByTestId('network-flag');
    if ((await flag.count()) === 0) return null;
    const columns = this.networkDiagram().getByTestId('network-column');
    const lit = await columns.evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-column') ?? '', lit: e.getAttribute('data-lit') ?? '' })));
    return {
      label: (await flag.getByTestId('network-flag-label').textContent()) ?? '',
      over: (await flag.getAttribute('data-column')) ?? '',
      first: lit.find((c) => c.lit === 'first')?.id ?? null,
      cascade: lit.filter((c) => c.lit === 'cascade').map((c) => c.id),
    };
  }

  /** The quantity the diagnosis names as the first non-finite one, as a person reads it there. */
  async sentinelQuantity(): Promise<string> {
    return (await this.page.getByTestId('diagnosis-quantity').textContent()) ?? '';
  }
}
