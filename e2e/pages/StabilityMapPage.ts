/**
 * Page object for the stability map panel: what a person does with it (pick the axes, compute,
 * cancel, open a cell, export) and what the page shows (its cells, their states, the progress).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface MapCellState {
  i: number;
  j: number;
  x: number;
  y: number;
  firstNonFinite: number | null;
  kind: string | null;
  quantity: string | null;
  finalLoss: number | null;
  error?: string;
}

export interface MapState {
  key: string | null;
  cells: (MapCellState | null)[];
  done: number;
  total: number;
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  leftMs: number | null;
  message: string | null;
  workers: number;
}

export class StabilityMapPage {
  readonly panel: Locator;
  readonly grid: Locator;
  readonly status: Locator;
  readonly readout: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('stability-map');
    this.grid = page.getByTestId('map-grid');
    this.status = page.getByTestId('map-status');
    this.readout = page.getByTestId('map-readout');
  }

  /** The map the page shows, from the test hooks (null before the map runner is installed). */
  async state(): Promise<MapState | null> {
    return this.page.evaluate(() => {
      const hooks = (window as unknown as { __nanPlayground?: { getMap(): unknown } }).__nanPlayground;
      return (hooks?.getMap() ?? null) as never;
    });
  }

  async waitUntilDone(timeout = 90_000): Promise<MapState> {
    await expect(this.status).toHaveAttribute('data-status', 'done', { timeout });
    return (await this.state())!;
  }

  /** The cells the page holds in a state: flagged, finite, pending (not computed yet) or error. */
  async count(state: 'flagged' | 'finite' | 'pending' | 'error'): Promise<number> {
    const cells = (await this.state())?.cells ?? [];
    const of = (c: MapCellState | null): string => (!c ? 'pending' : c.error ? 'error' : c.firstNonFinite !== null ? 'flagged' : 'finite');
    return cells.filter((c) => of(c) === state).length;
  }

  /** Where cell (i, j) lies on the canvas, in CSS pixels from its corner: at (fx, fy) of the cell (0.5, 0.5: its centre). */
  private async cellPoint(i: number, j: number, fx: number, fy: number): Promise<{ x: number; y: number }> {
    const canvas = this.page.getByTestId('map-canvas');
    const [ny, side, px, py] = await Promise.all(['data-ny', 'data-side', 'data-plot-x', 'data-plot-y'].map(async (a) => Number(await canvas.getAttribute(a))));
    return { x: px! + (i + fx) * side!, y: py! + (ny! - 1 - j + fy) * side! };
  }

  /** The colour drawn in cell (i, j), as #rrggbb (a quarter in from its corner, clear of the glyph in the middle). */
  async colourAt(i: number, j: number): Promise<string> {
    const at = await this.cellPoint(i, j, 0.25, 0.25);
    return this.page.getByTestId('map-canvas').evaluate((el: HTMLCanvasElement, p: { x: number; y: number }) => {
      const scale = el.width / el.getBoundingClientRect().width;
      const d = el.getContext('2d')!.getImageData(Math.round(p.x * scale), Math.round(p.y * scale), 1, 1).data;
      return `#${[d[0]!, d[1]!, d[2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    }, at);
  }

  /** Set one axis in the pickers: its field, range and cells (each left as it is when not given). */
  async setAxis(which: 'x' | 'y', axis: { field?: string; min?: string; max?: string; cells?: string }): Promise<void> {
    if (axis.field) await this.page.getByTestId(`map-${which}-field`).selectOption(axis.field);
    if (axis.min !== undefined) await this.page.getByTestId(`map-${which}-min`).fill(axis.min);
    if (axis.max !== undefined) await this.page.getByTestId(`map-${which}-max`).fill(axis.max);
    if (axis.cells !== undefined) await this.page.getByTestId(`map-${which}-cells`).fill(axis.cells);
  }

  async compute(): Promise<void> {
    await this.page.getByTestId('map-compute').click();
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('map-cancel').click();
  }

  error(): Locator {
    return this.page.getByTestId('map-error');
  }

  /** Point at cell (i, j): the readout shows its settings and outcome. */
  async hoverCell(i: number, j: number): Promise<void> {
    await this.page.getByTestId('map-canvas').hover({ position: await this.cellPoint(i, j, 0.5, 0.5) });
  }

  /** Click cell (i, j) of the map (it opens that cell's scenario). */
  async openCell(i: number, j: number): Promise<void> {
    const canvas = this.page.getByTestId('map-canvas');
    await canvas.scrollIntoViewIfNeeded();
    await canvas.click({ position: await this.cellPoint(i, j, 0.5, 0.5) });
  }
}
