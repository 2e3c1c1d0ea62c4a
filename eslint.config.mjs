import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**', '.next/**', '.next-*/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**',
      'lib/protocol/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures take `{}` and call `use`, which is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off', 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', process: 'readonly' } },
  },
  {
    // kafkajs stays behind lib/kafka; tests and benchmarks use it as a real client.
    files: ['**/*.{ts,tsx}'],
    ignores: ['lib/kafka/**', 'tests/**', 'bench/**', 'e2e/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'Use lib/kafka.' }] }],
    },
  },
  {
    // The browser side never reaches server modules.
    files: ['components/**/*.{ts,tsx}', 'lib/queries/**/*.{ts,tsx}', 'lib/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'kafkajs', message: 'Use lib/kafka on the server.' }],
        patterns: [{ group: ['@/lib/kafka/*', '@/lib/devcluster/*', '@/lib/protocol/*', '@/lib/server/*'], message: 'Server-only module.' }],
      }],
    },
  },
);
