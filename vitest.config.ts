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
  },
});
