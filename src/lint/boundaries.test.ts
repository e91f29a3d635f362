// The dependency rule is only worth something if the linter really fires: lint scratch sources
// placed (virtually) inside each layer and check the rule reports them.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The boundaries are syntactic; a scratch file is in no tsconfig project, so the type-aware rules are off here.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // A parse or config error reports no rule at all, which would let every "not.toContain" pass.
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message}`);
  return messages.map((m) => m.ruleId ?? m.message);
}

const importOf = (from: string): string => `import { x } from '${from}';\nexport const y = x;\n`;

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

  // Each layer below the app: React and every layer it must not see.
  const forbidden: [layer: string, imports: string[]][] = [
    ['worker', ['react', 'react-dom/client', 'recharts', '../ui/Thing', '../charts/Thing', '../state/Thing', '../app/Thing']],
    ['runs', ['react', '../ui/Thing', '../charts/Thing', '../state/Thing', '../app/Thing', '../worker/Thing', '../cli/Thing']],
    ['cli', ['react', '../ui/Thing', '../charts/Thing', '../app/Thing', '../worker/Thing']],
    ['lab', ['react', '../ui/Thing', '../charts/Thing', '../state/Thing', '../app/Thing']],
  ];
  for (const [layer, imports] of forbidden) {
    it.each(imports)(`rejects %s in src/${layer}`, async (from) => {
      expect(await ruleIds(importOf(from), `src/${layer}/scratch.ts`)).toContain('no-restricted-imports');
    });
  }

  // What the dependency rule allows them, so the patterns above do not over-reach.
  const allowed: [layer: string, imports: string[]][] = [
    ['worker', ['@tensorflow/tfjs', '../engine/trainer', '../scenarios/presets', '../runs/outcome']],
    ['runs', ['@tensorflow/tfjs', '../engine/records', '../scenarios/codec']],
    ['cli', ['../runs/outcome', '../scenarios/codec', '../engine/scenario']],
    ['lab', ['@tensorflow/tfjs', '../engine/backend', '../platform/wasmPaths']],
  ];
  for (const [layer, imports] of allowed) {
    it.each(imports)(`allows %s in src/${layer}`, async (from) => {
      expect(await ruleIds(importOf(from), `src/${layer}/scratch.ts`)).not.toContain('no-restricted-imports');
    });
  }
});
