import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // Unit tests run as the development build does (lib/build-flags.d.ts).
  define: { __DEMO__: 'true' },
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.tsx',
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/meta/**/*.test.ts',
      'tests/bench/**/*.test.ts',
    ],
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // Vitest's default is one worker fewer than the cores: one on CI's 2 cores. Two workers there
    // took the suite from 105 s to 69 s (2026-12-07): much of a file's time is importing, not CPU.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
