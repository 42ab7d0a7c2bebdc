import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker, WorkflowBundleOption } from '@temporalio/worker';
import { buildWorkflowBundle } from '@safety/temporal/runtime/bundle';
import { workerTracingOptions } from '@safety/temporal/runtime/tracing';

/**
 * CI gate: every stored history must replay without non-determinism against the current
 * workflow code (the production bundle when WORKFLOW_BUNDLE_PATH is set). A change that would
 * break running workflows fails here; guard it with patched().
 */
const dir = path.join(__dirname, 'histories');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('replay of stored workflow histories', () => {
  let workflowBundle: WorkflowBundleOption;

  beforeAll(async () => {
    const bundlePath = process.env.WORKFLOW_BUNDLE_PATH;
    workflowBundle = bundlePath ? { codePath: bundlePath } : await buildWorkflowBundle();
  });

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays deterministically', async (file) => {
    // The SDK accepts the CLI's proto-JSON directly.
    const history: unknown = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    const workflowId = file.replace(/\.json$/, '').split('--')[1];
    expect(workflowId).toBeTruthy();
    const { sinks } = workerTracingOptions(null);
    await expect(Worker.runReplayHistory({ workflowBundle, sinks }, history, workflowId)).resolves.toBeUndefined();
  });
});
