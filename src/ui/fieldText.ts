/** Text ⇄ value for a control's text box, validated by the same rules as the URL codec. */
import type { Scenario } from '../engine/scenario';
import { formatNumber, parseSetting } from '../scenarios/codec';
import type { Field } from '../scenarios/schema';

export function formatFieldValue(field: Field, value: Scenario[keyof Scenario]): string {
  if (field.type === 'integerList') return (value as number[]).map(formatNumber).join(', ');
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/** Parse what was typed: the value, or a message that names the field and says what is wrong. */
export function parseFieldText(field: Field, text: string): { ok: true; value: Scenario[keyof Scenario] } | { ok: false; message: string } {
  const cleaned = field.type === 'integerList' ? text.replace(/\s+/g, '') : text.trim();
  const result = parseSetting(field.key, cleaned);
  if (result.ok) return { ok: true, value: result.value as Scenario[keyof Scenario] };
  return { ok: false, message: `${field.label}: “${text}” is ${/^(not|empty|value|item)/.test(result.reason) ? '' : 'not allowed: '}${result.reason}` };
}
