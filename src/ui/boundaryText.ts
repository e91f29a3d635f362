/** The words of the boundary map: accuracies as a person reads them, and the canvas's text alternative. */
import type { BoundaryPreview } from '../engine/preview';

/** A share as whole percent, rounded down so that a figure never claims more than was reached (0.949 → "94 %"). */
export function percent(share: number): string {
  return Number.isFinite(share) ? `${Math.floor(share * 100 + 1e-9)} %` : 'NaN';
}

/** "train 97 %, test 95 %", or "train 97 %, nothing held out" when every point trains. */
export function accuracyText(p: Pick<BoundaryPreview, 'trainAccuracy' | 'testAccuracy'>): string {
  return `train ${percent(p.trainAccuracy)}, ${p.testAccuracy === null ? 'nothing held out' : `test ${percent(p.testAccuracy)}`}`;
}

/** What the canvas shows, for people who cannot see it. */
export function boundaryLabel(p: BoundaryPreview): string {
  return (
    `Decision boundary over the plane x1, x2 from −${p.grid.extent} to ${p.grid.extent}: orange is class 0, blue class 1; ` +
    `${p.train.length} training points (filled), ${p.test.length} held-out points (rings). Accuracy: ${accuracyText(p)}.`
  );
}
