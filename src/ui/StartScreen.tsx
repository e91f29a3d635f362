/**
 * The first screen: one line on what the playground shows, then every lesson as a card with its claim and the
 * verdict computed in this browser (the badges fill in as the outcome worker gets to them). Free play, with every
 * setting, is one click away; a shared link never lands here, it opens its scenario.
 */
import { useEffect, useMemo } from 'react';
import { useStore } from '../state/useStore';
import { ErrorBoundary } from './ErrorBoundary';
import { LESSON_GROUPS, LessonGroups } from './Gallery';
import { Notices } from './Notices';
import { usePlayground } from './context';

const ALL_IDS: readonly string[] = LESSON_GROUPS.flatMap((g) => g.presets.map((p) => p.id));

function CheckProgress() {
  const { store } = usePlayground();
  const verdicts = useStore(store, (s) => s.verdicts);
  const done = useMemo(() => ALL_IDS.filter((id) => verdicts[id] && verdicts[id].status !== 'running').length, [verdicts]);
  if (done === ALL_IDS.length) return <p className="muted check-progress">Every claim was checked by running it here, in float32.</p>;
  return (
    <p className="muted check-progress" data-testid="check-progress">
      Checking the claims by running them here: {done} of {ALL_IDS.length} done…
    </p>
  );
}

export function StartScreen() {
  const { lessons } = usePlayground();
  useEffect(() => lessons.checkAll(ALL_IDS), [lessons]);
  return (
    <div className="app start" data-testid="start-screen">
      <header className="start-head">
        <h1>
          NaN playground <span className="tagline">where does the first NaN come from?</span>
        </h1>
        <button type="button" className="primary" data-testid="free-play" onClick={() => lessons.freePlay()}>
          Free play: every setting
        </button>
      </header>
      <Notices />
      <main>
        <p className="start-intro">
          Each card is a code example from an article about NaN losses, rebuilt as a small network that trains in your browser. Open one to watch the step and
          the place where NaN or Inf first appears; the badge says whether the article’s claim holds when it actually runs.
        </p>
        <CheckProgress />
        <ErrorBoundary area="lessons">
          <LessonGroups heading="h2" />
        </ErrorBoundary>
      </main>
    </div>
  );
}
