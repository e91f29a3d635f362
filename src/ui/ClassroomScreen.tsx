/**
 * Classroom mode: large type, the lesson line, Play / Step / Reset, and only the panels and the
 * settings the link names (state/classroom.ts). "Leave classroom mode" returns to the full
 * playground with the same scenario and run.
 */
import { useLayoutEffect, type ReactNode } from 'react';
import type { ClassroomPanel, ClassroomView } from '../state/classroom';
import { ControlsPanel } from './ControlsPanel';
import { usePlayground } from './context';
import { DiagnosisPanel } from './DiagnosisPanel';
import { ErrorBoundary } from './ErrorBoundary';
import { LessonLine } from './LessonLine';
import { LossPanel } from './LossPanel';
import { NormPanel } from './NormPanel';
import { Notices } from './Notices';
import { PreviewPanel } from './PreviewPanel';
import { TopBar } from './TopBar';

const PANELS: Record<ClassroomPanel, () => ReactNode> = {
  loss: () => <LossPanel height={420} />,
  diagnosis: () => <DiagnosisPanel />,
  norms: () => <NormPanel />,
  previews: () => <PreviewPanel />,
};

export function ClassroomScreen({ view }: { view: ClassroomView }) {
  const { actions } = usePlayground();
  // The whole page's type scales from the root size (rem), so the projector mode sets it there.
  useLayoutEffect(() => {
    document.documentElement.classList.add('classroom');
    return () => document.documentElement.classList.remove('classroom');
  }, []);
  return (
    <div className="app classroom" data-testid="classroom">
      <header>
        <div className="classroom-head">
          <LessonLine />
          <button type="button" data-testid="leave-classroom" onClick={() => actions.setClassroom(null)}>
            Leave classroom mode
          </button>
        </div>
        <ErrorBoundary area="top bar">
          <TopBar compact />
        </ErrorBoundary>
        <Notices />
      </header>
      <main className={`classroom-body ${view.show.length > 0 ? 'with-settings' : ''}`}>
        {view.show.length > 0 && (
          <ErrorBoundary area="settings">
            <ControlsPanel only={view.show} />
          </ErrorBoundary>
        )}
        <div className="classroom-panels">
          {view.panels.map((p) => (
            <ErrorBoundary key={p} area={p}>
              {PANELS[p]()}
            </ErrorBoundary>
          ))}
        </div>
      </main>
    </div>
  );
}
