import { describe, expect, it } from 'vitest';
import { FIELDS } from './schema';
import { VALUE_LABELS, valueLabel } from './valueLabels';

describe('option labels', () => {
  const choices = FIELDS.filter((f) => f.type === 'enum');

  it('every value of every choice field has its words', () => {
    for (const f of choices) {
      if (f.type !== 'enum') continue;
      const table = (VALUE_LABELS as Record<string, Record<string, string> | undefined>)[f.key];
      expect(table, `no labels for ${f.key}`).toBeDefined();
      expect(Object.keys(table!).sort(), f.key).toEqual([...f.values].sort());
    }
  });

  it('shows words, not code ids, where they differ', () => {
    expect(valueLabel('dataset', 'articleLinear')).toBe("the article's 3 rows (features 10⁵ apart)");
    expect(valueLabel('loss', 'bceLogits')).toBe('binary cross-entropy from logits');
    expect(valueLabel('reduction', 'sumThenDivide')).toBe('sum, then ÷ n');
    expect(valueLabel('init', 'torchLinear')).toBe("PyTorch's Linear default");
  });
});
