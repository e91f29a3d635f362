import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASSROOM, classroomQuery, readClassroom } from './classroom';

const read = (q: string) => readClassroom(new URLSearchParams(q));

describe('classroom links', () => {
  it('is off unless asked for', () => {
    expect(read('lr=0.1')).toEqual({ view: null, rejected: [] });
    expect(read('classroom=0').view).toBeNull();
  });

  it('shows the loss chart and the diagnosis and no settings by default', () => {
    expect(read('classroom=1')).toEqual({ view: DEFAULT_CLASSROOM, rejected: [] });
  });

  it('takes the panels and settings named, in order, and names what it cannot use', () => {
    const { view, rejected } = read('classroom=1&panels=norms,loss,charts,loss&show=lr,scale,bogus');
    expect(view).toEqual({ panels: ['norms', 'loss'], show: ['lr', 'scale'] });
    expect(rejected.map((r) => [r.key, r.value])).toEqual([
      ['panels', 'charts'],
      ['show', 'bogus'],
    ]);
  });

  it('round-trips through the link, leaving defaults out', () => {
    for (const q of ['classroom=1', 'classroom=1&panels=loss,norms&show=lr']) {
      const { view } = read(q);
      expect(classroomQuery(view)).toBe(q);
    }
    expect(classroomQuery(null)).toBe('');
  });
});
