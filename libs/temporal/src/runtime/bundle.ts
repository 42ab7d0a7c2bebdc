import { existsSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { TRACING_WORKFLOW_INTERCEPTOR_MODULES } from './tracing';

/** Entry of the workflow bundle: the TypeScript source in dev/test, the compiled JS in dist. */
export function workflowsEntry(): string {
  const ts = path.resolve(__dirname, '../../../../workflows/src/index.ts');
  if (existsSync(ts)) return ts;
  return path.resolve(__dirname, '../../../../workflows/src/index.js');
}

/** The workflows plus the tracing interceptors (which only add Temporal headers and spans, never commands). */
export function buildWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: workflowsEntry(),
    workflowInterceptorModules: TRACING_WORKFLOW_INTERCEPTOR_MODULES,
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
