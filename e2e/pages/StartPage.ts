/** Page object for the start screen: the lessons as groups of cards, each with its computed verdict badge. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface GroupPlacement {
  group: string;
  /** Top of the group's heading and bottom of its first card, in CSS pixels from the top of the viewport. */
  headingTop: number;
  firstCardBottom: number;
}

export class StartPage {
  readonly screen: Locator;
  readonly groups: Locator;
  readonly cards: Locator;
  readonly freePlay: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('start-screen');
    this.groups = page.getByTestId('lesson-group');
    this.cards = page.getByTestId('lesson-card');
    this.freePlay = page.getByTestId('free-play');
  }

  /** The address with no query: the start screen. */
  async open(): Promise<void> {
    await this.page.goto('./');
    await expect(this.screen).toBeVisible();
  }

  card(presetId: string): Locator {
    return this.page.locator(`[data-testid="lesson-card"][data-preset="${presetId}"]`);
  }

  /** Wait until no badge says "checking…" (every claim computed in the page), then read them all. */
  async verdicts(timeout = 240_000): Promise<Record<string, string>> {
    await expect(this.page.locator('[data-testid="lesson-badge"][data-verdict="running"]')).toHaveCount(0, { timeout });
    const pairs = await this.cards.evaluateAll((cards) =>
      cards.map((c) => [c.getAttribute('data-preset') ?? '', c.querySelector('[data-testid="lesson-badge"]')?.getAttribute('data-verdict') ?? '']),
    );
    return Object.fromEntries(pairs);
  }

  async placements(): Promise<GroupPlacement[]> {
    return this.groups.evaluateAll((groups) =>
      groups.map((g) => ({
        group: g.getAttribute('data-group') ?? '',
        headingTop: g.querySelector('h2, h3')?.getBoundingClientRect().top ?? Infinity,
        firstCardBottom: g.querySelector('[data-testid="lesson-card"]')?.getBoundingClientRect().bottom ?? Infinity,
      })),
    );
  }

  /** Widest content of the page (more than the viewport: the page scrolls sideways). */
  async scrollWidth(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth);
  }
}
