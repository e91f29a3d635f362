/** The screen: top bar, notices, controls, charts, diagnosis, previews and the preset gallery. */
import { useLayoutEffect } from 'react';
import { useStore } from '../state/useStore';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { LossPanel } from '../ui/LossPanel';
import { Notices } from '../ui/Notices';
import { TopBar } from '../ui/TopBar';
import { usePlayground } from '../ui/context';

/** Rendered last: its layout effect marks the end of a frame's render for the frame probe. */
function FrameMark() {
  const { store, frameRendered } = usePlayground();
  const version = useStore(store, (s) => s.dataVersion);
  useLayoutEffect(() => frameRendered(), [version, frameRendered]);
  return null;
}

export function App() {
  const { store } = usePlayground();
  const embed = useStore(store, (s) => s.embed);
  if (embed) {
    return (
      <div className="app embed">
        <ErrorBoundary area="chart">
          <TopBar compact />
          <LossPanel height={360} showControls={false} />
        </ErrorBoundary>
        <FrameMark />
      </div>
    );
  }
  return (
    <div className="app">
      <header className="header">
        <h1>
          NaN playground <span className="tagline">where does the first NaN come from?</span>
        </h1>
        <ErrorBoundary area="top bar">
          <TopBar />
        </ErrorBoundary>
      </header>
      <Notices />
      <main className="layout">
        <section className="center">
          <ErrorBoundary area="loss chart">
            <LossPanel />
          </ErrorBoundary>
        </section>
      </main>
      <FrameMark />
    </div>
  );
}
