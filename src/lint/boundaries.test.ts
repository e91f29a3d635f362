// The dependency rule is only worth something if the linter really fires: lint scratch sources
// placed (virtually) inside src/engine and src/ui and check the rule reports them.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it('rejects React in the engine', async () => {
    const ids = await ruleIds("import { useState } from 'react';\nexport const s = useState;\n", 'src/engine/scratch.ts');
    expect(ids).toContain('no-restricted-imports');
  });

  it('rejects tfjs in the UI', async () => {
    const ids = await ruleIds("import * as tf from '@tensorflow/tfjs';\nexport const t = tf;\n", 'src/ui/Scratch.tsx');
    expect(ids).toContain('no-restricted-imports');
  });

  it('rejects an engine import of the UI layer', async () => {
    const ids = await ruleIds("import { x } from '../ui/Thing';\nexport const y = x;\n", 'src/engine/scratch.ts');
    expect(ids).toContain('no-restricted-imports');
  });

  it('rejects Math.random in the engine', async () => {
    const ids = await ruleIds('export const r = Math.random();\n', 'src/engine/scratch.ts');
    expect(ids).toContain('no-restricted-properties');
  });

  it('allows tfjs in the engine', async () => {
    const ids = await ruleIds("import * as tf from '@tensorflow/tfjs';\nexport const t = tf;\n", 'src/engine/scratch.ts');
    expect(ids).not.toContain('no-restricted-imports');
  });
});
