import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARTICLES, PRESETS, isArticleSource, playgroundPresets, presetById, presetScenario, presetsOfArticle, sourceText, type Preset } from './presets';
import { validateScenario } from './schema';
import { decodeScenario, encodeScenario } from './codec';
import SEED_INDEX from './seedIndex.json';

const here = dirname(fileURLToPath(import.meta.url));
// The source articles as recorded in the repository: file name, title, number of code examples.
const SOURCES = SEED_INDEX.articles;

describe('presets', () => {
  it('have unique, URL-safe ids and complete, valid scenarios', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PRESETS) {
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const result = validateScenario(presetScenario(p));
      expect(result.ok ? [] : result.problems, p.id).toEqual([]);
      expect(p.explanation.length, p.id).toBeGreaterThan(20);
      expect(p.claim.statement.length, p.id).toBeGreaterThan(20);
    }
  });

  it('list the same articles, with the same number of code examples, as the seed index', () => {
    expect(ARTICLES.map((a) => [a.file, a.examples])).toEqual(SOURCES.map((a) => [a.file, a.examples]));
    for (const a of SOURCES) {
      expect(a.file, a.title).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      expect(a.title.length, a.file).toBeGreaterThan(10);
    }
    expect(SOURCES.reduce((n, a) => n + a.examples, 0)).toBe(15);
  });

  it('cite only articles and code examples that the seed index has', () => {
    for (const p of PRESETS) {
      const source = p.source;
      if (!isArticleSource(source)) continue; // a TensorFlow Playground lesson: checked below
      const article = SOURCES.find((a) => a.file === source.file);
      expect(article, `${p.id}: ${source.file}`).toBeDefined();
      expect(Number.isInteger(source.example) && source.example >= 1 && source.example <= article!.examples, `${p.id}: ${source.file} #${source.example}`).toBe(
        true,
      );
    }
  });

  it('cover every code example of every article in the seed index', () => {
    for (const article of SOURCES) {
      const covered = new Set(presetsOfArticle(article.file).map((p) => (isArticleSource(p.source) ? p.source.example : 0)));
      for (let example = 1; example <= article.examples; example += 1) expect(covered.has(example), `${article.file} #${example}`).toBe(true);
    }
  });

  it('link before/after pairs both ways with opposite roles', () => {
    for (const p of PRESETS) {
      if (!p.pair) continue;
      const other = presetById(p.pair.other);
      expect(other, `${p.id} → ${p.pair.other}`).toBeDefined();
      expect(other!.pair?.role).toBe(p.pair.role === 'broken' ? 'fixed' : 'broken');
      // Both halves of a pair come from the same place: one article, or both from TensorFlow Playground.
      const place = (q: Preset): string => (isArticleSource(q.source) ? q.source.file : 'playground');
      expect(place(other!)).toBe(place(p));
      // A broken preset may have several fixes; it names one of them, and that one names it back.
      if (p.pair.role === 'broken') expect(other!.pair?.other).toBe(p.id);
    }
  });

  it('name what a lesson without an article takes from TensorFlow Playground, and list it in the gallery', () => {
    const lessons = PRESETS.filter((p) => !isArticleSource(p.source));
    expect(lessons.length).toBeGreaterThan(0);
    expect(playgroundPresets()).toEqual(lessons);
    for (const p of lessons) {
      expect(p.source.kind, p.id).toBe('playground');
      expect(sourceText(p.source), p.id).toMatch(/^TensorFlow Playground: .{10,}/);
    }
    // Every preset is somewhere in the gallery: under its article or among the lessons.
    const shown = [...ARTICLES.flatMap((a) => presetsOfArticle(a.file)), ...playgroundPresets()].map((p) => p.id).sort();
    expect(shown).toEqual(PRESETS.map((p) => p.id).sort());
  });

  it("TensorFlow Playground's default network: circle without noise, x1 and x2, 4-2 tanh, SGD at 0.03 on batches of 10, half held out", () => {
    const s = presetScenario(presetById('playground-circle')!);
    expect(s).toMatchObject({ model: 'classifier', dataset: 'circle', samples: 500, noise: 0, trainFraction: 0.5, hidden: [4, 2], activation: 'tanh' });
    expect(s).toMatchObject({
      optimizer: 'sgd',
      lr: 0.03,
      batchSize: 10,
      weightDecay: 0,
      x1Squared: false,
      x2Squared: false,
      x1TimesX2: false,
      sinX1: false,
      sinX2: false,
    });
  });

  it('open from a ?preset= link exactly as defined', () => {
    for (const p of PRESETS) {
      const { scenario, rejected } = decodeScenario(encodeScenario(presetScenario(p), { preset: p.id }));
      expect(rejected).toEqual([]);
      expect(scenario).toEqual(presetScenario(p));
    }
  });

  it('contain no outcome: outcomes come from running, never from the source', () => {
    const sources = [join(here, 'presets.ts'), join(here, 'presetTypes.ts'), ...readdirSync(join(here, 'presets')).map((f) => join(here, 'presets', f))];
    const outcomes = /the claim holds|does not hold|holds only with/i;
    for (const file of sources.filter((f) => !f.endsWith('.test.ts'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(outcomes);
    }
    for (const p of PRESETS) expect(Object.keys(p)).not.toContain('outcome');
  });
});
