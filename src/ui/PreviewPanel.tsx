/** What the model does with its data, redrawn a few times a second from the worker's previews. */
import { useEffect, useRef } from 'react';
import type { Preview } from '../engine/preview';
import { useStore } from '../state/useStore';
import { BoundaryMap } from './BoundaryMap';
import { usePlayground } from './context';
import { drawImage, drawPairs, drawRegression } from './previewDraw';

function PreviewCanvas({
  label,
  draw,
  width = 220,
  height = 150,
}: {
  label: string;
  draw: (ctx: CanvasRenderingContext2D) => void;
  width?: number;
  height?: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) draw(ctx);
  }, [draw]);
  return (
    <figure className="preview">
      <canvas ref={ref} width={width} height={height} role="img" aria-label={label} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

interface Item {
  label: string;
  draw: (ctx: CanvasRenderingContext2D) => void;
  width?: number;
  height?: number;
}

function previews(p: Preview): Item[] {
  switch (p.kind) {
    case 'regression':
      return [{ label: 'Data (blue) and fit (orange)', draw: (c: CanvasRenderingContext2D) => drawRegression(c, p.points, p.line) }];
    case 'autoencoder':
      return p.inputs.map((row, i) => ({
        label: `Row ${i + 1}: input (blue) vs reconstruction (orange)`,
        draw: (c: CanvasRenderingContext2D) => drawPairs(c, row, p.reconstructions[i] ?? []),
        height: 70,
      }));
    case 'unet':
      return [
        { label: 'Input', draw: (c: CanvasRenderingContext2D) => drawImage(c, p.input, p.width, p.height), width: 110, height: 110 },
        { label: 'Target mask', draw: (c: CanvasRenderingContext2D) => drawImage(c, p.target, p.width, p.height, [0, 1]), width: 110, height: 110 },
        { label: 'Predicted mask', draw: (c: CanvasRenderingContext2D) => drawImage(c, p.predicted, p.width, p.height, [0, 1]), width: 110, height: 110 },
        { label: 'Error |pred − target|', draw: (c: CanvasRenderingContext2D) => drawImage(c, p.error, p.width, p.height, [0, 1]), width: 110, height: 110 },
      ];
    case 'classifier':
      return [{ label: 'Labels (blue) vs predicted probability (orange)', draw: (c: CanvasRenderingContext2D) => drawPairs(c, p.labels, p.probs) }];
    case 'predictions':
      return [{ label: 'Targets (blue) vs predictions (orange)', draw: (c: CanvasRenderingContext2D) => drawPairs(c, p.targets, p.predictions) }];
    case 'boundary':
      // One component of its own (BoundaryMap): its text alternative changes with every preview, and
      // an item's label is its key here, so as an item the canvas would be rebuilt each time.
      return [];
  }
}

export function PreviewPanel() {
  const { store } = usePlayground();
  const preview = useStore(store, (s) => s.preview);
  const items = preview ? previews(preview) : [];
  return (
    <section className="panel previews" aria-labelledby="preview-title" data-testid="previews">
      <h2 id="preview-title">What the model sees</h2>
      {items.length === 0 && preview?.kind !== 'boundary' && <p className="muted">The preview appears once the model is built.</p>}
      <div className={preview?.kind === 'unet' ? 'preview-grid' : ''}>
        {preview?.kind === 'boundary' && <BoundaryMap preview={preview} />}
        {items.map((it) => (
          <PreviewCanvas key={it.label} label={it.label} draw={it.draw} width={it.width ?? 220} height={it.height ?? 150} />
        ))}
      </div>
    </section>
  );
}
