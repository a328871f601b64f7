import { defineConfig } from 'vitest/config';
import { prerenderedMath } from './src/build/prerender-math';
import { prerenderedProse } from './src/build/prerender-prose';

export default defineConfig({
  // The prose renderer's tables of pre-rendered formulas and blocks (src/render/math.ts, markdown.ts) are virtual modules.
  plugins: [prerenderedMath(), prerenderedProse()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
