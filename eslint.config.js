import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// src/core is pure: no I/O, no platform SDKs. Checked here and by test/architecture.test.ts.
const impureModules = [
  'node:*', 'fs', 'fs/*', 'path', 'http', 'https', 'net', 'child_process', 'os', 'worker_threads',
  '@slack/*', 'discord.js', '@discordjs/*', 'better-sqlite3', 'pg', 'undici', 'ws', 'node-cron', 'pino', 'chokidar',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'digests/**', '.wirebrief/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', fetch: 'readonly', performance: 'readonly', queueMicrotask: 'readonly', structuredClone: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: impureModules, message: 'src/core is pure: do I/O in an adapter and pass data in.' }] }],
      'no-restricted-globals': ['error', 'process', 'fetch', 'setTimeout', 'setInterval', 'console'],
    },
  },
);
