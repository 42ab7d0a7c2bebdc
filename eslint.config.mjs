// Lint enforces the dependency direction of ARCHITECTURE.md and bans floating promises everywhere.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': [
    'error',
    { paths: paths.map((name) => ({ name, message: 'not allowed in this layer (ARCHITECTURE.md)' })), patterns },
  ],
});
const group = (group, message) => ({ group, message });
// Services and apps reach the database only through libs/persistence (repositories and UnitOfWork).
const DATABASE_DRIVERS = ['typeorm', 'typeorm/*', '@nestjs/typeorm', 'pg'];
const SQL_IN_REPOSITORIES = 'SQL lives in libs/persistence repositories; run transactions with UnitOfWork';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: restrict(
      [
        group(
          [
            '@nestjs/*',
            'typeorm',
            'pg',
            '@temporalio/*',
            '@safety/*',
            '**/apps/**',
            '**/persistence/**',
            '**/application/**',
            '**/temporal/**',
          ],
          'libs/domain is pure: no framework, storage or workflow imports',
        ),
      ],
      nodeBuiltins,
    ),
  },
  {
    files: ['workflows/**/*.ts'],
    rules: restrict(
      [
        group(
          [
            '@nestjs/*',
            'typeorm',
            'pg',
            '@temporalio/client',
            '@temporalio/worker',
            '@temporalio/activity',
            '@safety/persistence*',
            '@safety/application*',
            '@safety/temporal/runtime*',
            '**/apps/**',
            '**/persistence/**',
            '**/application/**',
          ],
          'workflows are deterministic: only @temporalio/workflow, libs/temporal contracts and libs/domain',
        ),
        group(
          ['**/libs/**'],
          'workflow code imports the libraries through their aliases (@safety/domain, @safety/temporal)',
        ),
      ],
      nodeBuiltins,
    ),
  },
  {
    files: ['libs/persistence/**/*.ts'],
    rules: restrict([
      group(
        ['@safety/application*', '@safety/temporal*', '@temporalio/*', '**/apps/**', '**/workflows/**'],
        'persistence depends on domain only',
      ),
    ]),
  },
  {
    files: ['libs/temporal/**/*.ts'],
    rules: restrict([
      group(
        ['@safety/application*', '@safety/persistence*', '**/apps/**', '**/workflows/**'],
        'libs/temporal holds contracts and runtime helpers only',
      ),
    ]),
  },
  {
    files: ['libs/application/**/*.ts'],
    rules: restrict([
      group(
        ['**/apps/**', '**/workflows/**', '@temporalio/worker', '@temporalio/workflow'],
        'application services do not depend on apps or workflow code',
      ),
      group(DATABASE_DRIVERS, SQL_IN_REPOSITORIES),
    ]),
  },
  {
    files: ['apps/**/*.ts'],
    rules: restrict([group(DATABASE_DRIVERS, SQL_IN_REPOSITORIES)]),
  },
  {
    // The console runs in the browser: React's rules of hooks, browser globals, and only its own code
    // and the generated API client (never server code: it reaches the API over HTTP).
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx', 'apps/web/**/*.mts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [
          group(
            ['@safety/*', '**/libs/**', '**/apps/api/**', '**/workflows/**'],
            'the console talks to the API over HTTP only',
          ),
        ],
        nodeBuiltins.filter((name) => !['url', 'node:url'].includes(name)),
      ),
    },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-restricted-imports': 'off' },
  },
);
