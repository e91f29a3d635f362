/** Saving files from the page, and turning the loss chart's SVG into a standalone PNG. */
import { standaloneChartMarkup, standaloneSize, type ChartHead, type LegendEntry } from './chartImage';

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The loss chart as a standalone PNG (title, link, chart, legend; at `scale`× for slides). The
 * pointer layer (hover readout, zoom selection) is left out: it belongs to the screen.
 */
export async function chartPng(svg: SVGSVGElement, head: ChartHead, legend: readonly LegendEntry[], scale = 2): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.querySelectorAll('.hover-layer').forEach((el) => el.remove());
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  // Chart text inherits the page font; name one so the PNG matches without page CSS.
  copy.setAttribute('style', 'font-family: system-ui, sans-serif; font-size: 12px');
  const markup = standaloneChartMarkup(new XMLSerializer().serializeToString(copy), width, height, head, legend);
  const size = standaloneSize(width, height, legend.length);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(size.width * scale);
  canvas.height = Math.round(size.height * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser made no PNG'))), 'image/png'));
}
