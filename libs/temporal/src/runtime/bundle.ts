import { existsSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TRACING_WORKFLOW_INTERCEPTOR_MODULES } from './tracing';

/** The repository (or dist/) root: this file is libs/temporal/src/runtime/bundle.{ts,js}. */
const root = path.resolve(__dirname, '../../../..');

/** Entry of the workflow bundle: the TypeScript source in dev/test, the compiled JS in dist. */
export function workflowsEntry(): string {
  const ts = path.join(root, 'workflows/src/index.ts');
  if (existsSync(ts)) return ts;
  return path.join(root, 'workflows/src/index.js');
}

/**
 * Workflow code imports the pure libraries through the same aliases as the rest of the code
 * (tsconfig `paths`); the bundler resolves them here. Only these two may reach workflow code
 * (ESLint enforces it).
 */
export const WORKFLOW_ALIASES: Record<string, string> = {
  '@safety/domain': path.join(root, 'libs/domain/src'),
  '@safety/temporal': path.join(root, 'libs/temporal/src'),
};

/**
 * Bundles the workflows (or, for tests, another entry module) with the library aliases and the
 * tracing interceptors (which only add Temporal headers and spans, never commands).
 */
export function buildWorkflowBundle(entry: string = workflowsEntry()): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: entry,
    workflowInterceptorModules: TRACING_WORKFLOW_INTERCEPTOR_MODULES,
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...WORKFLOW_ALIASES } },
    }),
    logger: {
      log: () => undefined,
      info: () => undefined,
      warn: console.warn,
      error: console.error,
      debug: () => undefined,
      trace: () => undefined,
    },
  });
}
