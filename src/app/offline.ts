/**
 * Offline use: registers the service worker that vite.config.ts generates (it precaches the whole
 * playground on the first visit) and offers a newly deployed build with "A new version is ready — Reload".
 */
import { registerSW } from 'virtual:pwa-register';
import type { AppStore } from '../state/appState';
import { followUpdate } from './updateNotice';

/** Register the service worker and show the update notice when a new build waits (see updateNotice.ts). */
export function installOffline(store: AppStore): void {
  let element: HTMLElement | null = null;
  const notice = followUpdate(store, {
    show: () => {
      element = updateNoticeElement(
        () => void updateServiceWorker(),
        () => notice.dismiss(),
      );
      document.body.append(element);
    },
    hide: () => {
      element?.remove();
      element = null;
    },
  });
  // registerSW waits for the page's load event, so installing the precache never competes with the first
  // load; once the new worker takes over after Reload, registerSW reloads the page itself.
  const updateServiceWorker = registerSW({
    onNeedRefresh: () => notice.ready(),
    // Without a service worker (a private window, a browser that blocks it) the app still works online.
    onRegisterError: (error: unknown) => console.warn('Offline use is unavailable: the service worker did not register.', error),
  });
}

/** The notice itself: fixed in a corner, so appearing never moves the charts under a pointer or a lecture. */
function updateNoticeElement(onReload: () => void, onDismiss: () => void): HTMLElement {
  const box = document.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  box.dataset.testid = 'update-notice';
  // Set through the CSSOM, which the page's Content-Security-Policy does not restrict.
  Object.assign(box.style, { position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '10', boxShadow: '0 2px 8px rgb(0 0 0 / 0.2)' });
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', onReload);
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'link';
  dismiss.textContent = '✕';
  dismiss.setAttribute('aria-label', 'Dismiss the new-version notice');
  dismiss.addEventListener('click', onDismiss);
  box.append('A new version is ready — ', reload, ' ', dismiss);
  return box;
}
