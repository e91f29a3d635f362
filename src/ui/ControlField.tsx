/**
 * One control generated from a schema row: a select, a checkbox, or a slider (log where the row
 * says so) with a text box that is validated as it is typed. A bad value shows a message naming
 * the field and the control falls back to the current value; every control can reset to its default.
 */
import { memo, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Scenario } from '../engine/scenario';
import { sameFieldValue } from '../scenarios/sameValue';
import type { Field } from '../scenarios/schema';
import { formatFieldValue, parseFieldText } from './fieldText';
import { beyondUsual, positionToValue, SLIDER_STEPS, sliderRange, valueToPosition } from './sliderScale';
import { valueLabel } from '../scenarios/valueLabels';

type Value = Scenario[keyof Scenario];

interface Props {
  field: Field;
  value: Value;
  /** The same function for every field (ControlsPanel's), so that a field whose value did not change skips its render. */
  onCommit(key: keyof Scenario, value: Value): void;
  /** Show the field's help under it (the help toggle: touch and keyboard users have no hover). */
  showHelp?: boolean;
}

/** Dragging a slider fires dozens of events; the run is reconfigured once the hand rests. */
const SLIDER_COMMIT_MS = 120;

function hasSlider(field: Field): boolean {
  if (field.type === 'number') return true;
  return field.type === 'integer' && field.range.max - field.range.min <= 64;
}

/**
 * Memoised: a scenario change re-rendered all forty-odd fields; now only those whose value changed render (with the
 * other panels that follow the scenario, that render was a task of 60–110 ms on a slow two-core machine).
 */
export const ControlField = memo(function ControlField({ field, value, onCommit: commitField, showHelp = false }: Props) {
  const onCommit = (v: Value): void => commitField(field.key, v);
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sliderValue, setSliderValue] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const isDefault = sameFieldValue(value, field.default);
  const errorId = `${id}-error`;
  const testId = `field-${field.key}`;

  const commitText = (): void => {
    if (draft === null) return;
    const parsed = parseFieldText(field, draft);
    if (parsed.ok) {
      setError(null);
      if (!sameFieldValue(parsed.value, value)) onCommit(parsed.value);
    } else {
      setError(`${parsed.message} — kept ${formatFieldValue(field, value)}.`);
    }
    setDraft(null);
  };

  let input: ReactNode;
  if (field.type === 'enum') {
    input = (
      <select id={id} data-testid={testId} value={String(value)} onChange={(e) => onCommit(e.target.value as Value)}>
        {field.values.map((v) => (
          <option key={v} value={v}>
            {valueLabel(field.key, v)}
          </option>
        ))}
      </select>
    );
  } else if (field.type === 'boolean') {
    input = <input id={id} data-testid={testId} type="checkbox" checked={Boolean(value)} onChange={(e) => onCommit(e.target.checked)} />;
  } else {
    const numeric = typeof value === 'number' ? value : null;
    const shown = sliderValue ?? numeric;
    const slider = sliderRange(field.range);
    const past = numeric !== null && beyondUsual(numeric, field.range);
    input = (
      <>
        <span className="numeric">
          {numeric !== null && hasSlider(field) && field.type !== 'integerList' && (
            <input
              type="range"
              aria-label={`${field.label} slider${field.range.log ? ' (log scale)' : ''}`}
              data-testid={`${testId}-slider`}
              min={0}
              max={SLIDER_STEPS}
              step={1}
              value={valueToPosition(shown ?? 0, slider)}
              aria-valuetext={formatFieldValue(field, shown ?? 0)}
              onChange={(e) => {
                const v = positionToValue(Number(e.target.value), slider, field.type === 'integer');
                setSliderValue(v);
                setError(null);
                if (timer.current) clearTimeout(timer.current);
                timer.current = setTimeout(() => {
                  setSliderValue(null);
                  onCommit(v);
                }, SLIDER_COMMIT_MS);
              }}
            />
          )}
          <input
            id={id}
            type="text"
            inputMode={field.type === 'integerList' ? 'text' : 'decimal'}
            data-testid={`${testId}-text`}
            className={error ? 'invalid' : ''}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            value={draft ?? formatFieldValue(field, sliderValue ?? value)}
            size={field.type === 'integerList' ? 9 : 7}
            onChange={(e) => {
              setDraft(e.target.value);
              const parsed = parseFieldText(field, e.target.value);
              setError(parsed.ok ? null : parsed.message);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitText();
              if (e.key === 'Escape') {
                setDraft(null);
                setError(null);
              }
            }}
            onBlur={commitText}
          />
        </span>
        {past && (
          <span className="beyond-usual" data-testid={`${testId}-beyond`}>
            past the slider&apos;s usual range (up to {formatFieldValue(field, slider.max)}); allowed up to {formatFieldValue(field, field.range.max)}
          </span>
        )}
      </>
    );
  }

  return (
    <div className={`control ${field.type}`} title={field.help}>
      <label htmlFor={id}>
        {field.label}
        {field.structural && (
          <span className="structural" title="Changing this builds a new model">
            {' '}
            ●
          </span>
        )}
      </label>
      {input}
      <button
        type="button"
        className="reset-field"
        data-testid={`${testId}-reset`}
        aria-label={`Reset ${field.label} to its default (${formatFieldValue(field, field.default)})`}
        title={`Default: ${formatFieldValue(field, field.default)}`}
        disabled={isDefault}
        onClick={() => {
          setDraft(null);
          setError(null);
          onCommit(field.default);
        }}
      >
        ↺
      </button>
      {showHelp && (
        <p className="field-help" data-testid={`${testId}-help`}>
          {field.help}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" data-testid={`${testId}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
});
