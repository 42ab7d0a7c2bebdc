/* The bare Temporal baseline the benchmark runs beside the application (no case machinery at all). */
import { condition, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

export interface BareActivities {
  /** Inserts one row into the benchmark table (the same database as the application). */
  insertBareRow(n: number): Promise<void>;
}

const { insertBareRow } = proxyActivities<BareActivities>({ startToCloseTimeout: '10 seconds' });

export const bareStep = defineUpdate<number, [number]>('bareStep');
export const bareFinish = defineSignal('bareFinish');

/** One Update per step: a synchronous validator, then a handler that runs one activity. */
export async function bareUpdateWorkflow(): Promise<void> {
  let finished = false;
  setHandler(
    bareStep,
    async (n) => {
      await insertBareRow(n);
      return n;
    },
    {
      validator: (n) => {
        if (!Number.isInteger(n) || n < 0) throw new Error('a step number is a non-negative integer');
      },
    },
  );
  setHandler(bareFinish, () => {
    finished = true;
  });
  await condition(() => finished);
}

/** A start with one activity. */
export async function bareStartWorkflow(n: number): Promise<void> {
  await insertBareRow(n);
}
