/** Entry point: read the address bar, build the store and controller, render, wire history and keys. */
import { StrictMode, createRef } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore, initialAppState } from '../state/appState';
import { initialBudget } from '../state/budgetSetting';
import { readClassroom } from '../state/classroom';
import { readLocation } from '../state/urlSync';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { PlaygroundContext, type PlaygroundContextValue } from '../ui/context';
import { App } from './App';
import { afterNextFrame, inOwnTask } from './afterFrame';
import { readStoredBudget, writeStoredBudget } from './budgetStorage';
import { PlaygroundController } from './controller';
import { followTitle } from './documentTitle';
import { ImportedRuns } from './importedRuns';
import { installKeyboard } from './keyboard';
import { lessonNavigation } from './lessonNavigation';
import { installOffline } from './offline';
import { installTestHooks } from './testHooks';
import { MapRunner, mapPoolSize } from './mapRunner';
import { createImportWorker, createMapWorker, createOutcomeWorker, createTrainingWorker } from './workerFactory';
import { openRunFile } from './runFileReader';
import './styles.css';

const decoded = readLocation(window.location.search, window.location.hash);
const store = createAppStore(initialAppState(decoded.scenario, decoded.rejected, decoded.embed, decoded.preset));
if (decoded.speed !== null) store.setState({ speed: decoded.speed });
store.setState({ start: decoded.start, budget: initialBudget((navigator as { deviceMemory?: number }).deviceMemory, readStoredBudget()) });
/** The classroom view of the address bar (on load and after Back/Forward). */
const followClassroom = (): void => {
  const { view, rejected } = readClassroom(new URLSearchParams(window.location.search));
  store.setState((s) => ({ classroom: view, rejected: rejected.length > 0 ? [...s.rejected, ...rejected] : s.rejected }));
};
followClassroom();
const controller = new PlaygroundController(store, {
  makeWorker: createTrainingWorker,
  makeOutcomeWorker: createOutcomeWorker,
  schedule: inOwnTask,
  now: () => performance.now(),
  history: window.history,
  location: window.location,
  setTimer: (callback, ms) => window.setTimeout(callback, ms),
  storeBudget: (value) => writeStoredBudget(value),
});

const mapRunner = new MapRunner(store, {
  makeWorker: createMapWorker,
  address: { history: window.history, location: window.location },
  now: () => performance.now(),
  setTimer: (callback, ms) => window.setTimeout(callback, ms),
  poolSize: mapPoolSize(navigator.hardwareConcurrency),
});

const context: PlaygroundContextValue = {
  store,
  actions: controller,
  lessons: lessonNavigation(controller, { history: window.history, location: window.location }),
  run: controller.run,
  compare: controller.compare.run,
  imports: new ImportedRuns(store, { schedule: afterNextFrame, now: () => performance.now() }, (file) =>
    openRunFile(file, createImportWorker, (callback, ms) => window.setTimeout(callback, ms)),
  ),
  lossChartRef: createRef<SVGSVGElement>(),
  map: mapRunner,
};

installTestHooks(controller, mapRunner);
installKeyboard(controller);
installOffline(store);
followTitle(store, (title) => (document.title = title));
window.addEventListener('popstate', () => {
  controller.followLocation();
  followClassroom();
  mapRunner.followLink(window.location.search);
});
decoded.notes.forEach((note) => controller.notify(note));
controller.start(decoded.autoplay);
mapRunner.followLink(window.location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary area="playground">
      <PlaygroundContext.Provider value={context}>
        <App />
      </PlaygroundContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);
