/**
 * The loss chart as an image that stands on its own (a slide, a bug report): a title, the scenario's
 * link, the chart, and a legend naming each run with its line. Built as SVG markup around the
 * chart's own SVG, then rasterised (downloads.ts).
 */
export interface LegendEntry {
  label: string;
  stroke: string;
  dash?: string;
}

export interface ChartHead {
  title: string;
  /** The scenario as its link reads (what someone needs to reproduce the run). */
  subtitle: string;
}

const HEAD = 52;
const LEGEND_ROW = 20;
const PAD = 12;

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** Width and height of the standalone image for a chart of `width` × `height` with `rows` legend rows. */
export function standaloneSize(width: number, height: number, rows: number): { width: number; height: number } {
  return { width, height: HEAD + height + rows * LEGEND_ROW + PAD };
}

/** The standalone SVG markup; `chart` is the chart's serialised SVG (with its own width and height). */
export function standaloneChartMarkup(chart: string, width: number, height: number, head: ChartHead, legend: readonly LegendEntry[]): string {
  const size = standaloneSize(width, height, legend.length);
  const placed = chart.replace(/^<svg\b/, `<svg x="0" y="${HEAD}"`);
  const rows = legend.map((e, i) => {
    const y = HEAD + height + i * LEGEND_ROW + PAD;
    const dash = e.dash ? ` stroke-dasharray="${escapeXml(e.dash)}"` : '';
    return (
      `<line x1="${PAD}" x2="${PAD + 28}" y1="${y}" y2="${y}" stroke="${escapeXml(e.stroke)}" stroke-width="2.5"${dash}/>` +
      `<text x="${PAD + 36}" y="${y + 4}" font-size="13" fill="#222">${escapeXml(e.label)}</text>`
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" style="font-family: system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${PAD}" y="22" font-size="16" font-weight="600" fill="#222">${escapeXml(head.title)}</text>`,
    `<text x="${PAD}" y="40" font-size="12" fill="#555">${escapeXml(head.subtitle)}</text>`,
    placed,
    ...rows,
    '</svg>',
  ].join('');
}
