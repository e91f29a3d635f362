/**
 * Space play/pause, → step, R reset. Keys typed into a field or pressed on a button/link keep
 * their usual meaning (Space on a focused button clicks it; typing "r" in a number box types).
 */
import type { PlaygroundActions } from '../ui/context';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || target.isContentEditable;
}

export function installKeyboard(actions: PlaygroundActions): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isEditable(e.target)) return;
    if (e.key === ' ' || e.code === 'Space') {
      e.preventDefault();
      actions.toggle();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      actions.stepOnce();
    } else if (e.key === 'r' || e.key === 'R') {
      e.preventDefault();
      actions.reset();
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
