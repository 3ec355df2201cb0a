import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '**/migrations/**', '.e2e-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Imports go one way: routes → service → repository → db; platform never reaches into modules;
      // the shared package and the web app never import the server.
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './packages/shared', from: './apps', message: 'The shared package must not depend on an app.' },
            { target: './apps/web', from: './apps/server', message: 'The web app talks to the server only over HTTP.' },
            {
              target: './apps/server/src/platform',
              from: './apps/server/src/modules',
              message: 'Platform code must not depend on a domain module.',
            },
            { target: './apps/server/src/db/client.ts', from: './apps/server/src/modules' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/modules/*/service.ts', 'apps/server/src/modules/*/repository.ts', 'apps/server/src/modules/*/workflow.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['fastify', '@fastify/*', './routes.js'], message: 'Services and repositories do not know about HTTP.' }] },
      ],
    },
  },
  {
    files: ['apps/server/src/modules/*/repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', '@fastify/*', './service.js', './routes.js', '**/platform/errors.js'],
              message: 'Repositories run SQL; they neither throw HTTP errors nor call services.',
            },
          ],
        },
      ],
    },
  },
);
