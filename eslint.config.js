import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// Module boundaries (docs/architecture.md): a module is reached from another only through its
// index.ts (functions) and, for foreign keys and read joins in SQL, its tables.ts.
const modulesDir = './apps/server/src/modules';
const modules = readdirSync(modulesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const moduleZones = modules.flatMap((target) =>
  modules
    .filter((from) => from !== target)
    .map((from) => ({
      target: `${modulesDir}/${target}`,
      from: `${modulesDir}/${from}`,
      except: ['./index.ts', './tables.ts'],
      message: `A module reaches ${from} only through ${from}/index.ts (or its tables.ts, from SQL).`,
    })),
);
/** Files that may hold SQL: repositories (one or several per module, named *repository.ts) and table definitions. */
const sqlFiles = ['apps/server/src/modules/**/*repository.ts', 'apps/server/src/modules/**/tables.ts'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '**/migrations/**', '.e2e-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    // Resolves './x.js' to './x.ts', so the path and cycle rules see every import.
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import/resolver': { typescript: { project: ['apps/*/tsconfig.json', 'packages/*/tsconfig.json'], noWarnOnMultipleProjects: true } },
    },
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
            ...moduleZones,
          ],
        },
      ],
      'import/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // SQL lives in repositories: elsewhere in a module, no query builder and no table.
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: [...sqlFiles, 'apps/server/src/modules/**/*.test.ts', 'apps/server/src/modules/**/test-*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Queries belong in a repository (*repository.ts).' },
            { group: ['**/db/schema.js', '**/tables.js'], allowTypeImports: true, message: 'Tables are used in repositories only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/modules/**/*service.ts', 'apps/server/src/modules/**/workflow.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Queries belong in a repository (*repository.ts).' },
            { group: ['**/db/schema.js', '**/tables.js'], allowTypeImports: true, message: 'Tables are used in repositories only.' },
            { group: ['fastify', '@fastify/*', './routes.js', '*-routes.js'], message: 'Services do not know about HTTP.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/modules/**/*repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', '@fastify/*', '*service.js', '*routes.js', '**/platform/errors.js'],
              message: 'Repositories run SQL; they neither throw HTTP errors nor call services.',
            },
          ],
        },
      ],
    },
  },
);
