/** The stability map as a PNG that stands on its own: a title and the link above the map's canvas. */
import type { ChartHead } from './chartImage';

const HEAD = 52;
const PAD = 12;

export async function mapPng(map: HTMLCanvasElement, head: ChartHead): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = map.width;
  const scale = map.width / map.getBoundingClientRect().width || 1;
  canvas.height = map.height + Math.round(HEAD * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.fillStyle = '#222';
  ctx.font = '600 16px system-ui, sans-serif';
  ctx.fillText(head.title, PAD, 22);
  ctx.fillStyle = '#555';
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillText(head.subtitle, PAD, 40);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(map, 0, Math.round(HEAD * scale));
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser made no PNG'))), 'image/png'));
}
