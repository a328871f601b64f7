import { defineConfig } from 'vitest/config';
import { prerenderedMath } from './src/build/prerender-math';
import { prerenderedProse } from './src/build/prerender-prose';
import { shippedNotebookList } from './src/build/notebook-list';

export default defineConfig({
  // The prose renderer's tables of pre-rendered formulas and blocks (src/render/math.ts, markdown.ts)
  // and the shipped notebooks' list (src/shell/notebooks.ts) are virtual modules.
  plugins: [prerenderedMath(), prerenderedProse(), shippedNotebookList()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
