/** Every scenario field, grouped as in the schema table; common groups open, specialist ones folded. */
import { useCallback, useState } from 'react';
import { OPTIONAL_PLANE_FEATURES } from '../engine/data/features2d';
import { PLANE_DATASETS, type Scenario } from '../engine/scenario';
import { withCompatibleData } from '../scenarios/compatible';
import { FIELD_BY_URL, FIELDS_BY_GROUP, type FieldGroup } from '../scenarios/schema';
import { useStore } from '../state/useStore';
import { ControlField } from './ControlField';
import { CostLine } from './CostLine';
import { usePlayground } from './context';

const GROUP_TITLES: Record<FieldGroup, string> = {
  model: 'Model',
  data: 'Data',
  loss: 'Loss',
  optimizer: 'Optimizer',
  clipping: 'Gradient clipping',
  precision: 'Precision & backend',
  run: 'Run',
};
const OPEN: ReadonlySet<FieldGroup> = new Set(['optimizer', 'data', 'loss']);

/** Fields that mean nothing for some models are hidden there, so the panel stays short. */
function relevant(key: keyof Scenario, s: Scenario): boolean {
  const unet = s.model === 'unet';
  const plane = (PLANE_DATASETS as readonly string[]).includes(s.dataset);
  if (key === 'noise' || key === 'trainFraction' || (OPTIONAL_PLANE_FEATURES as readonly string[]).includes(key)) return plane;
  if (['imageSize', 'depth', 'filters', 'batchNorm', 'upsampling'].includes(key)) return unet;
  if (key === 'gradFault') return s.model === 'customSquare';
  if (key === 'hidden' || key === 'activation') return !unet && s.model !== 'linear' && s.model !== 'predictions';
  if (key === 'momentum') return s.optimizer === 'momentum' || s.optimizer === 'rmsprop';
  if (key === 'beta1' || key === 'beta2' || key === 'adamEps') return s.optimizer === 'adam' || s.optimizer === 'adamw';
  if (key === 'huberDelta') return s.loss === 'huber';
  if (key === 'epsPlacement') return s.loss === 'bce';
  if (key === 'lossEps') return s.loss === 'bce' || s.loss === 'ratio';
  if (key === 'clipValue') return s.clipping !== 'none';
  if (key === 'outlierMagnitude') return s.outlierFraction > 0;
  return true;
}

/** `only`: the URL names of the few settings to show, in that order, without groups (classroom mode). */
export function ControlsPanel({ only }: { only?: readonly string[] }) {
  const { store, actions } = usePlayground();
  const scenario = useStore(store, (s) => s.scenario);
  const [help, setHelp] = useState(false);
  const commit = useCallback(
    (key: keyof Scenario, value: Scenario[keyof Scenario]) => {
      const { scenario: next, note } = withCompatibleData({ ...store.getState().scenario, [key]: value });
      actions.setScenario(next);
      if (note) actions.notify(note);
    },
    [actions, store],
  );
  if (only) {
    return (
      <nav className="panel controls" aria-label="Scenario settings">
        {only.flatMap((url) => {
          const f = FIELD_BY_URL.get(url);
          return f ? [<ControlField key={f.key} field={f} value={scenario[f.key]} onCommit={commit} />] : [];
        })}
      </nav>
    );
  }
  return (
    <nav className="panel controls" aria-label="Scenario settings">
      <h2>Settings</h2>
      <CostLine />
      <p className="muted small">
        ● rebuilds the model.{' '}
        <button type="button" className="link" data-testid="help-toggle" aria-pressed={help} onClick={() => setHelp((h) => !h)}>
          {help ? 'Hide help' : 'Show help'}
        </button>
      </p>
      {FIELDS_BY_GROUP.map(({ group, fields }) => (
        <details key={group} open={OPEN.has(group)}>
          <summary>{GROUP_TITLES[group]}</summary>
          {fields
            .filter((f) => relevant(f.key, scenario))
            .map((f) => (
              <ControlField key={f.key} field={f} value={scenario[f.key]} showHelp={help} onCommit={commit} />
            ))}
        </details>
      ))}
    </nav>
  );
}
