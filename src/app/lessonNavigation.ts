/**
 * The start screen and the playground as two pages of history: the start screen is the address with no query,
 * free play is `?v=1` (every setting at its default), and a lesson is its preset's link. Opening a lesson goes
 * through the controller's setScenario, which leaves the start screen on its own.
 */
import { DEFAULT_SCENARIO } from '../engine/scenario';
import type { LessonActions } from '../ui/context';
import { writeAddress } from './addressBar';
import type { PlaygroundController } from './controller';
import type { ControllerDeps } from './controllerDeps';

export function lessonNavigation(controller: PlaygroundController, deps: Pick<ControllerDeps, 'history' | 'location'>): LessonActions {
  const { store } = controller;
  return {
    showLessons() {
      if (store.getState().start) return;
      controller.pause();
      deps.history.pushState(null, '', deps.location.pathname);
      store.setState({ start: true });
    },
    freePlay() {
      if (!store.getState().start) return;
      // Every setting at its default, on the backend the page already runs.
      const { scenario } = store.getState();
      controller.setScenario({ ...structuredClone(DEFAULT_SCENARIO), backend: scenario.backend }, { preset: null });
      // The scenario may not have changed (no entry written then): the playground still needs its own address.
      if (deps.location.search === '') writeAddress(deps, store.getState(), 'push');
    },
    checkAll(presetIds) {
      controller.outcomes.prefetch(presetIds);
    },
  };
}
