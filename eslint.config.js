// Lint rules, including the architecture's import boundaries (docs/ARCHITECTURE.md):
// engine ← scenarios ← state ← ui/charts; the engine never sees React or the DOM, the UI never sees tfjs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const tfjs = { group: ['@tensorflow/*'], message: 'Only src/engine, src/worker, src/runs, src/cli and src/lab may use tfjs; the UI talks to the worker.' };
const react = {
  group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'recharts'],
  message: 'React belongs to ui, charts and app; this layer is pure TypeScript (+ tfjs).',
};
const upward = (dirs) => ({
  group: dirs.flatMap((d) => [`../${d}`, `../${d}/*`, `../../${d}/*`, `**/${d}/*`]),
  message: 'This import points against the dependency rule in docs/ARCHITECTURE.md.',
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits hides its rejection, and a switch over a union must
    // name every member, so a new kind (a backend, a message) cannot fall through unhandled.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [react, upward(['scenarios', 'state', 'ui', 'charts', 'app', 'worker', 'runs', 'cli'])] }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded generator in engine/rng.ts.' }],
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'localStorage'],
    },
  },
  {
    files: ['src/scenarios/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [react, tfjs, upward(['state', 'ui', 'charts', 'app', 'worker', 'runs', 'cli'])] }] },
  },
  {
    files: ['src/state/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tfjs, upward(['ui', 'charts', 'app', 'worker', 'runs', 'cli'])] }] },
  },
  {
    files: ['src/ui/**', 'src/charts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tfjs, upward(['app', 'worker', 'runs', 'cli'])] }] },
  },
  {
    // The worker posts plain records; what the page shows is the page's business.
    files: ['src/worker/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [react, upward(['ui', 'charts', 'state', 'app'])] }] },
  },
  {
    // runs is shared by the worker and the CLI, so it may import neither.
    files: ['src/runs/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [react, upward(['ui', 'charts', 'state', 'app', 'worker', 'cli'])] }] },
  },
  {
    files: ['src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [react, upward(['ui', 'charts', 'app', 'worker'])] }] },
  },
  {
    // lab.html is the engine on a bare page: nothing of the app's.
    files: ['src/lab/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [react, upward(['ui', 'charts', 'state', 'app'])] }] },
  },
  {
    files: ['src/app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tfjs, upward(['runs', 'cli'])] }] },
  },
);
