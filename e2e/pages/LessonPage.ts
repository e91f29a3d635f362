/**
 * A lesson as one screen: its verdict, the chart's first-non-finite line and the diagnosis, read the way a user
 * reads them (data attributes on what is shown), so a test can hold all three to one event.
 */
import { expect, type Locator } from '@playwright/test';
import { PlaygroundPage } from './PlaygroundPage';

export interface ShownEvent {
  step: number;
  quantity: string;
  kind: string;
}

export class LessonPage extends PlaygroundPage {
  /** Open a preset on a backend and wait until its verdict for the run on screen is computed. */
  async openLesson(presetId: string, backend: string, timeout = 180_000): Promise<void> {
    await this.open(`preset=${presetId}&be=${backend}`);
    await expect(this.presetOutcome()).toHaveAttribute('data-status', 'done', { timeout });
  }

  /** Press Play and wait until the run stops on its own (its Steps, or its flag); returns why and where. */
  async playToEnd(timeout = 300_000): Promise<{ step: number; why: string | null }> {
    await this.play();
    await expect.poll(async () => (await this.state()).running, { timeout, intervals: [250, 500, 1000] }).toBe(false);
    const s = await this.state();
    return { step: s.step, why: s.stopReason };
  }

  /**
   * Press Play and time, in the page, from the click to the step counter leaving 0: what a person
   * waits for the first step. Timed in the page because a poll from the test adds its own latency.
   */
  async msToFirstStep(timeout = 120_000): Promise<number> {
    return this.page.evaluate(
      (limit) =>
        new Promise<number>((resolve, reject) => {
          const counter = document.querySelector('[data-testid="step-counter"]');
          const play = document.querySelector<HTMLButtonElement>('[data-testid="play-button"]');
          if (!counter || !play) return reject(new Error('no step counter or Play button on the page'));
          let t0 = 0;
          const done = new MutationObserver(() => {
            if (counter.textContent === '0') return;
            done.disconnect();
            resolve(performance.now() - t0);
          });
          done.observe(counter, { childList: true, characterData: true, subtree: true });
          setTimeout(() => reject(new Error(`no first step within ${limit} ms`)), limit);
          t0 = performance.now();
          play.click();
        }),
      timeout,
    );
  }

  /** The event the verdict names, or null for a run it calls finite. */
  async verdictEvent(): Promise<ShownEvent | null> {
    return eventOf(this.presetOutcome());
  }

  /** The event of the loss chart's first-non-finite caption, or null when the chart shows none. */
  async chartEvent(): Promise<ShownEvent | null> {
    const line = this.firstNonFinite();
    if ((await line.count()) === 0) return null;
    const text = (await line.textContent()) ?? '';
    const m = /: (NaN|\+Inf|−Inf) in (\S+) /.exec(text);
    return { step: Number(await line.getAttribute('data-step')), quantity: m?.[2] ?? '', kind: (m?.[1] ?? '').replace('−', '-') };
  }

  /** The quantity the diagnosis names, or null when it names none. */
  async diagnosisQuantity(): Promise<string | null> {
    const q = await this.diagnosis.getAttribute('data-quantity');
    return q ? q : null;
  }

  /** The line that gives cpu's figure beside this backend's, when they differ. */
  referenceLine(): Locator {
    return this.page.getByTestId('outcome-reference');
  }
}

async function eventOf(el: Locator): Promise<ShownEvent | null> {
  const [step, quantity, kind] = await Promise.all([el.getAttribute('data-step'), el.getAttribute('data-quantity'), el.getAttribute('data-kind')]);
  return step ? { step: Number(step), quantity: quantity ?? '', kind: kind ?? '' } : null;
}
