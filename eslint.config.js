import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/',
      'dist/',
      '.output-*/',
      '.wxt/',
      '.cache/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render citizen and pack text as text.' },
        { property: 'outerHTML', message: 'Render citizen and pack text as text.' },
        { property: 'insertAdjacentHTML', message: 'Render citizen and pack text as text.' },
        { property: 'createContextualFragment', message: 'Render citizen and pack text as text.' },
        { property: 'setHTMLUnsafe', message: 'Render citizen and pack text as text.' },
        { property: 'parseHTMLUnsafe', message: 'Render citizen and pack text as text.' },
        { property: 'srcdoc', message: 'Render citizen and pack text as text.' },
        // document.write/writeln (also through another Document, e.g. a frame's).
        { property: 'write', message: 'Build DOM nodes with text, never document.write.' },
        { property: 'writeln', message: 'Build DOM nodes with text, never document.write.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML.' },
        { selector: "JSXAttribute[name.name='srcDoc']", message: 'Render text, never HTML.' },
        {
          // Built when its module is evaluated, i.e. on every page start (see lazySchema in lib/zod.ts).
          selector:
            ":matches(Program, ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator > CallExpression:not([callee.name='lazySchema']):has(Identifier[name='z'])",
          message: 'Declare a module-level schema as lazySchema(() => z.…).',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Import z from lib/zod: it sets zod up before any schema is built.' }],
          patterns: [
            { group: ['zod/*'], message: 'Import z from lib/zod: it sets zod up before any schema is built.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['tests/**/*.{mjs,js,ts}', 'scripts/**/*.mjs', '*.config.{ts,js}', '.ci/**/*.mjs'],
    // Test code runs in Node and, inside page.evaluate(), in the browser.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['tests/bench/**/*.mjs'],
    // Benchmarks also evaluate in the extension's pages (chrome.*) and call the
    // bench page's exported helpers (sidevognBench).
    languageOptions: { globals: { chrome: 'readonly', sidevognBench: 'readonly' } },
  },
  {
    files: ['tests/case-system/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser, Quill: 'readonly' } },
  },
);
