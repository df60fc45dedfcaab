import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Three main-side entries share one build: the Electron entry, the browser-mode
// server (plain Node, never imports electron) and the simulator's worker thread.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve('src-main/index.ts'),
          web: resolve('src-main/web.ts'),
          simWorker: resolve('src-main/simPool/simWorker.ts'),
        },
        checks: { bundlerTimings: false },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve('src-main/preload.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [svelte({ configFile: resolve('svelte.config.js') })],
    build: {
      outDir: 'out/renderer',
      // The bundler's own timing report is noise to a learner running npm start on a slow machine.
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') }, checks: { bundlerTimings: false } },
    },
  },
});
