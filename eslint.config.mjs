import tseslint from 'typescript-eslint';

// The core stays pure (no vscode, no file I/O) so the CLI and the tests can run it anywhere;
// the CLI never reaches into the extension. These rules keep that boundary from eroding.
const noVscode = { name: 'vscode', message: 'Only src/extension may import vscode.' };
const ioModules = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'worker_threads', 'node:worker_threads']
  .map((name) => ({ name, message: 'src/core is pure: do file I/O in src/node, src/cli or src/extension.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode, ...ioModules],
        patterns: [{ group: ['**/extension/**', '**/cli/**', '**/node/**'], message: 'src/core depends on nothing outside it.' }],
      }],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noVscode],
        patterns: [{ group: ['**/extension/**'], message: 'The CLI and the Node driver never depend on the extension.' }],
      }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
