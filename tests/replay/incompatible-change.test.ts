import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker } from '@temporalio/worker';
import { buildWorkflowBundle } from '@safety/temporal/runtime/bundle';

/**
 * The replay gate can fail: a workflow changed without `patched()` in a way that alters its
 * commands is caught as a non-determinism error against a stored history.
 */
describe('replay gate', () => {
  it('rejects a history replayed against an incompatible change of its workflow', async () => {
    const workflowBundle = await buildWorkflowBundle(path.join(__dirname, 'incompatible', 'index.ts'));
    const file = 'penalty-case-v1-filed--penalty-afd092bb-a398-4b96-ae01-2e1648ef01a6.json';
    const history: unknown = JSON.parse(readFileSync(path.join(__dirname, 'histories', file), 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowBundle }, history, 'penalty-afd092bb-a398-4b96-ae01-2e1648ef01a6'),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
