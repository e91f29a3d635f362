import { configDefaults, defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The Content-Security-Policy is added to the built page only: the dev server's React refresh
// preamble is an inline script that the policy would block.
// 'wasm-unsafe-eval' is what the tfjs wasm backend needs to compile its .wasm; nothing uses eval.
// The workers hold to it too: they start from a blob: URL (src/app/workerFactory.ts) and so inherit
// the page's policy; `vite preview` also sends it as a header, as a static host should (README).
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

// The service worker (Workbox generateSW, bundled from node_modules: nothing comes from a CDN) precaches the
// whole playground on the first visit, so it trains offline afterwards. src/app/offline.ts registers it and
// asks before switching to a new build ('prompt'), so an update never reloads the page under a running model.
// lab.html and its chunk stay out: the benchmark page measures the network-free engine, not the app, and
// precaching its 1.3 MB for every visitor would only slow the first visit; it still loads online.
function offline() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false, // registered from src/app/offline.ts: the CSP allows no inline script
    manifest: {
      name: 'NaN playground',
      short_name: 'NaN playground',
      description: 'Train small neural networks in the browser and watch exactly where NaN and Inf first appear.',
      theme_color: '#0072b2', // --accent in src/app/styles.css
      background_color: '#f7f7f5', // --bg
      display: 'standalone',
      start_url: '.',
      scope: '.',
      icons: [
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,wasm,svg}'], // the manifest's icons are added by the plugin
      globIgnores: ['lab.html', 'assets/lab-*.js'],
      // The workers bundle tfjs (about 2.4 MB each), over Workbox's 2 MiB default; a file over the limit
      // would be left out with only a build warning, and the app would then fail offline.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Any navigation inside the scope gets the cached playground (its state is in the query), except the lab.
      navigateFallbackDenylist: [/lab\.html$/],
      cleanupOutdatedCaches: true,
    },
  });
}

const UNIT_TESTS = ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'];
// The suites that run tfjs (in this process, or in the CLI they spawn): most of the unit-test time is theirs,
// so `npm run test:unit:fast` (the 'fast' project) leaves them out while one edits the layers above the engine.
const TFJS_TESTS = ['src/engine/**/*.test.ts', 'src/runs/*.engine.test.ts', 'src/integration/*.engine.test.ts', 'src/cli/cli.test.ts'];

export default defineConfig({
  // Relative base: the static build works from any sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy(), offline()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // lab.html runs the engine on the page for the cross-backend tests and the browser benchmark.
    rollupOptions: { input: { main: 'index.html', lab: 'lab.html' } },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: { 'Content-Security-Policy': CSP } },
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
