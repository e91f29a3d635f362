import { configDefaults, defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The Content-Security-Policy is added to the built page only: the dev server's React refresh
// preamble is an inline script that the policy would block.
// 'wasm-unsafe-eval' is what the tfjs wasm backend needs to compile its .wasm; nothing uses eval.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

const UNIT_TESTS = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'];
// The suites that run tfjs (in this process, or in the CLI they spawn): most of the unit-test time is theirs,
// so `npm run test:unit:fast` (the 'fast' project) leaves them out while one edits the layers above the engine.
const TFJS_TESTS = ['src/engine/**/*.test.ts', 'src/runs/*.engine.test.ts', 'src/cli/cli.test.ts'];

export default defineConfig({
  // Relative base: the static build works from any sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // lab.html runs the engine on the page for the cross-backend tests and the browser benchmark.
    rollupOptions: { input: { main: 'index.html', lab: 'lab.html' } },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'fast', include: UNIT_TESTS, exclude: [...configDefaults.exclude, ...TFJS_TESTS] } },
      { extends: true, test: { name: 'tfjs', include: TFJS_TESTS } },
    ],
  },
});
