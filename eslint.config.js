import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = {
  paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron: the rest must run in plain Node.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'db/migrations/**', '.screenshots/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', noElectron],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'], message: 'shared/ is isomorphic: no Node modules.' },
            { group: ['**/db/**', '**/electron/**', '**/renderer/**', 'react', 'react-dom', 'antd'], message: 'shared/ depends on nothing but itself and pure libraries.' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noElectron.paths, patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'db/ sits below the backend.' }] }],
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noElectron.paths, patterns: [{ group: ['**/renderer/**', '**/electron/main/**'], message: 'The backend never depends on the shell or the UI.' }] }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The shell's decisions (URL guard, sender check, CSP, menu, native binding) run and are tested in
    // plain Node, where the Electron binary does not exist.
    files: ['electron/main/pure/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron/main/pure/ holds plain-Node decisions that tests import: no electron here.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The classic hook rules; the React-Compiler rules of v7 flag ordinary data loading in effects.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: noElectron.paths,
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a sandboxed browser.' },
            { group: ['**/db/**', '**/electron/**'], message: 'The renderer reaches the backend only through the contract (renderer/src/api.ts).' },
          ],
        },
      ],
    },
  },
);
