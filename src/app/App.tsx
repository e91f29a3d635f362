/** The screen: top bar, notices, controls, charts, diagnosis, previews, the network diagram and the preset gallery. */
import { useLayoutEffect } from 'react';
import { DEFAULT_CLASSROOM } from '../state/classroom';
import { useLive } from '../state/useLive';
import { useStore } from '../state/useStore';
import { BackendDiffPanel } from '../ui/BackendDiffPanel';
import { StabilityMapPanel } from '../ui/StabilityMapPanel';
import { BudgetRefusal } from '../ui/BudgetRefusal';
import { ClassroomScreen } from '../ui/ClassroomScreen';
import { ControlsPanel } from '../ui/ControlsPanel';
import { DiagnosisPanel } from '../ui/DiagnosisPanel';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ExportBar } from '../ui/ExportBar';
import { Gallery } from '../ui/Gallery';
import { LessonLine } from '../ui/LessonLine';
import { LossPanel } from '../ui/LossPanel';
import { NetworkPanel } from '../ui/NetworkDiagram';
import { NormPanel } from '../ui/NormPanel';
import { Notices } from '../ui/Notices';
import { PresetPanel } from '../ui/PresetPanel';
import { PreviewPanel } from '../ui/PreviewPanel';
import { StartScreen } from '../ui/StartScreen';
import { TopBar } from '../ui/TopBar';
import { usePlayground } from '../ui/context';

/** Rendered last: its layout effect tells the main run that a frame's render committed (frame probe, chart pacing). */
function FrameMark() {
  const { run } = usePlayground();
  const step = useLive(run, 'step');
  const loss = useLive(run, 'loss');
  const grad = useLive(run, 'gradNorms');
  const weight = useLive(run, 'weightNorms');
  useLayoutEffect(() => run.rendered(), [run, step, loss, grad, weight]);
  return null;
}

export function App() {
  const { store, actions, lessons } = usePlayground();
  const embed = useStore(store, (s) => s.embed);
  const classroom = useStore(store, (s) => s.classroom);
  const start = useStore(store, (s) => s.start);
  if (start) return <StartScreen />;
  if (classroom) {
    return (
      <>
        <ClassroomScreen view={classroom} />
        <FrameMark />
      </>
    );
  }
  if (embed) {
    return (
      <main className="app embed">
        <ErrorBoundary area="chart">
          <LessonLine />
          <TopBar compact />
          <BudgetRefusal />
          <LossPanel height={360} showControls={false} />
        </ErrorBoundary>
        <FrameMark />
      </main>
    );
  }
  return (
    <div className="app">
      <header className="header">
        <div className="title-row">
          <h1>
            NaN playground <span className="tagline">where does the first NaN come from?</span>
          </h1>
          <button type="button" className="link" data-testid="show-lessons" onClick={() => lessons.showLessons()}>
            All lessons
          </button>
          <ErrorBoundary area="export bar">
            <ExportBar />
          </ErrorBoundary>
          <button
            type="button"
            data-testid="present-button"
            onClick={() => actions.setClassroom(DEFAULT_CLASSROOM)}
            title="Classroom mode: large type, the lesson and its chart"
          >
            Present
          </button>
        </div>
        <ErrorBoundary area="top bar">
          <TopBar />
        </ErrorBoundary>
      </header>
      <Notices />
      <BudgetRefusal />
      <main className="layout">
        <ErrorBoundary area="settings">
          <ControlsPanel />
        </ErrorBoundary>
        <section className="center">
          <ErrorBoundary area="preset">
            <PresetPanel />
          </ErrorBoundary>
          <ErrorBoundary area="loss chart">
            <LossPanel />
          </ErrorBoundary>
          <ErrorBoundary area="diagnosis">
            <DiagnosisPanel />
          </ErrorBoundary>
          <ErrorBoundary area="backend comparison">
            <BackendDiffPanel />
          </ErrorBoundary>
          <ErrorBoundary area="stability map">
            <StabilityMapPanel />
          </ErrorBoundary>
          <ErrorBoundary area="norm charts">
            <NormPanel />
          </ErrorBoundary>
        </section>
        <div className="side">
          <ErrorBoundary area="previews">
            <PreviewPanel />
          </ErrorBoundary>
          <ErrorBoundary area="network diagram">
            <NetworkPanel />
          </ErrorBoundary>
        </div>
      </main>
      <ErrorBoundary area="gallery">
        <Gallery />
      </ErrorBoundary>
      <FrameMark />
    </div>
  );
}
