/** The 2D classifier's preview: the decision-boundary heat map with its points, and the accuracies in words. */
import { useEffect, useRef } from 'react';
import type { BoundaryPreview } from '../engine/preview';
import { drawBoundary } from './boundaryDraw';
import { accuracyText, boundaryLabel } from './boundaryText';

const SIZE = 240;

export function BoundaryMap({ preview }: { preview: BoundaryPreview }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) drawBoundary(ctx, preview);
  }, [preview]);
  return (
    <figure className="preview" data-testid="boundary-map" data-train-accuracy={preview.trainAccuracy} data-test-accuracy={preview.testAccuracy ?? ''}>
      <canvas ref={ref} width={SIZE} height={SIZE} role="img" aria-label={boundaryLabel(preview)} />
      <figcaption>
        Decision boundary (orange class 0, blue class 1; rings are held out): <span data-testid="boundary-accuracy">{accuracyText(preview)}</span>
      </figcaption>
    </figure>
  );
}
