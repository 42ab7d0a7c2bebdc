import { sleep } from '@temporalio/workflow';
import type { PenaltyCaseInput, PenaltyCaseState } from '@safety/temporal/contracts/penalty-case.contract';
import { penaltyCaseWorkflow as released } from '../../../workflows/src/penalty/workflow';

/**
 * A deliberately incompatible change, for the negative replay test: the released penalty workflow
 * with a timer added before its first step. Histories recorded by the released code begin with an
 * activity, so replaying them against this must fail with a non-determinism error.
 */
export async function penaltyCaseWorkflow(input: PenaltyCaseInput): Promise<PenaltyCaseState> {
  await sleep('1 hour');
  return released(input);
}
