/**
 * The speed select: "auto" (the default, showing how many steps a frame it reaches) or a fixed
 * count of steps per frame. A link may carry a count the list does not offer (?speed=7): the
 * select shows it as an option of its own, so what it reads is what runs.
 */
import { FIXED_SPEEDS, parseSpeed } from '../scenarios/speed';
import { useLive } from '../state/useLive';
import { useStore } from '../state/useStore';
import { usePlayground } from './context';

/** Frames per second the "per frame" figure of auto speed is counted at. */
const FPS = 60;

export function SpeedSelect() {
  const { store, actions, run } = usePlayground();
  const speed = useStore(store, (s) => s.speed);
  const running = useStore(store, (s) => s.running);
  const perFrame = useLive(run, 'step', () => Math.round(run.stepsPerSecond / FPS));
  const fixed = typeof speed === 'number' && !FIXED_SPEEDS.includes(speed) ? [...FIXED_SPEEDS, speed].sort((a, b) => a - b) : FIXED_SPEEDS;
  return (
    <label className="inline">
      Speed
      <select
        data-testid="speed-select"
        className="speed-select"
        value={String(speed)}
        onChange={(e) => actions.setSpeed(parseSpeed(e.target.value) ?? 'auto')}
        title="auto: as many steps as fit while the charts still update every frame; or a fixed number of steps per frame"
      >
        <option value="auto">{speed === 'auto' && running && perFrame > 0 ? `auto (≈ ${perFrame.toLocaleString('en')} / frame)` : 'auto'}</option>
        {fixed.map((s) => (
          <option key={s} value={s}>
            {s} / frame
          </option>
        ))}
      </select>
    </label>
  );
}
