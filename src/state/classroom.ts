/**
 * Classroom mode: the playground as a projector shows it. `?classroom=1` turns it on; `panels=`
 * names the panels shown, in order (default: the loss chart and the diagnosis), and `show=` the
 * few settings left on screen by their URL names (default: none), like TF Playground's hidden
 * controls. The flags stay in the link through edits, so a prepared slide keeps its layout.
 */
import { FIELD_BY_URL } from '../scenarios/schema';
import type { RejectedKey } from './appState';

export const CLASSROOM_PANELS = ['loss', 'diagnosis', 'norms', 'previews'] as const;
export type ClassroomPanel = (typeof CLASSROOM_PANELS)[number];

export interface ClassroomView {
  panels: ClassroomPanel[];
  /** URL names of the settings shown (schema.ts `url`), in the order given. */
  show: string[];
}

export const DEFAULT_CLASSROOM: ClassroomView = { panels: ['loss', 'diagnosis'], show: [] };

const isPanel = (p: string): p is ClassroomPanel => (CLASSROOM_PANELS as readonly string[]).includes(p);
const list = (raw: string | null): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** The classroom view a query asks for (null: not in classroom mode), and the values it could not use. */
export function readClassroom(params: URLSearchParams): { view: ClassroomView | null; rejected: RejectedKey[] } {
  const rejected: RejectedKey[] = [];
  const flag = params.get('classroom');
  if (flag === null || flag === '0') return { view: null, rejected };
  if (flag !== '1') rejected.push({ key: 'classroom', value: flag, reason: 'expected 1 (on) or 0 (off)' });
  const asked = list(params.get('panels'));
  const panels = asked.filter(isPanel);
  for (const p of asked.filter((p) => !isPanel(p)))
    rejected.push({ key: 'panels', value: p, reason: `not a panel; panels are ${CLASSROOM_PANELS.join(', ')}` });
  const shown = list(params.get('show'));
  const show = shown.filter((s) => FIELD_BY_URL.has(s));
  for (const s of shown.filter((s) => !FIELD_BY_URL.has(s)))
    rejected.push({ key: 'show', value: s, reason: 'not a setting; use the names the link uses (lr, scale, …)' });
  return { view: { panels: panels.length > 0 ? [...new Set(panels)] : DEFAULT_CLASSROOM.panels, show: [...new Set(show)] }, rejected };
}

/** The query part that keeps a classroom view in a link ('' outside classroom mode). */
export function classroomQuery(view: ClassroomView | null): string {
  if (!view) return '';
  const parts = ['classroom=1'];
  if (view.panels.join(',') !== DEFAULT_CLASSROOM.panels.join(',')) parts.push(`panels=${view.panels.join(',')}`);
  if (view.show.length > 0) parts.push(`show=${view.show.join(',')}`);
  return parts.join('&');
}
