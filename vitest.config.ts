import { defineConfig } from 'vitest/config';
import { prerenderedMath } from './src/build/prerender-math';

export default defineConfig({
  // The prose renderer's table of pre-rendered formulas (src/render/math.ts) is a virtual module.
  plugins: [prerenderedMath()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
