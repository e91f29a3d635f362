import { describe, expect, it } from 'vitest';
import { standaloneChartMarkup, standaloneSize } from './chartImage';

describe('the standalone chart image', () => {
  const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><path d="M0,0L1,1"/></svg>';
  const markup = standaloneChartMarkup(chart, 600, 300, { title: 'Loss & <friends>', subtitle: '?lr=0.1&be=cpu' }, [
    { label: 'this run', stroke: '#0072B2' },
    { label: 'file: "a.json"', stroke: '#E69F00', dash: '8 4' },
    { label: 'this run: validation', stroke: '#222', dash: '7 3 1.5 3' },
  ]);

  it('has the title, the link, the chart below them and a legend row per run, all text escaped', () => {
    expect(markup).toContain('>Loss &amp; &lt;friends&gt;</text>');
    expect(markup).toContain('>?lr=0.1&amp;be=cpu</text>');
    expect(markup).toContain('<svg x="0" y="52" xmlns="http://www.w3.org/2000/svg" width="600" height="300"><path d="M0,0L1,1"/></svg>');
    expect(markup).toContain('>this run</text>');
    expect(markup).toContain('>file: &quot;a.json&quot;</text>');
    expect(markup).toContain('stroke-dasharray="8 4"/>');
    expect(markup).toContain('stroke-dasharray="7 3 1.5 3"/><text x="48" y="408" font-size="13" fill="#222">this run: validation</text>');
  });

  it('is as tall as its parts', () => {
    expect(standaloneSize(600, 300, 3)).toEqual({ width: 600, height: 52 + 300 + 60 + 12 });
    expect(markup).toContain('width="600" height="424"');
  });
});
