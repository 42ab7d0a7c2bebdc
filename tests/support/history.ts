import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { testEnv } from './env';

/**
 * With RECORD_HISTORY_DIR set, saves a finished workflow's history (the CLI's canonical JSON) so
 * the replay gate (tests/replay) checks later workflow code against it. Run once per workflow
 * version, on the dev server:
 *   RECORD_HISTORY_DIR=$PWD/tests/replay/histories npm run test:all -- tests/e2e/<file>
 */
export function recordHistoryIfAsked(workflowId: string, name: string): void {
  if (!process.env.RECORD_HISTORY_DIR) return;
  const local = path.resolve(__dirname, '../../.tools/bin/temporal');
  const cli = process.env.TEMPORAL_CLI ?? (existsSync(local) ? local : 'temporal');
  const json = execFileSync(
    cli,
    ['workflow', 'show', '--workflow-id', workflowId, '--address', testEnv().temporalAddress(), '--output', 'json'],
    { encoding: 'utf8' },
  );
  save(workflowId, name, json);
}

/**
 * The same through a client, for the time-skipping server (which the CLI cannot read). The history
 * may end while the workflow still waits: replay checks the part that exists.
 */
export async function recordClientHistoryIfAsked(client: Client, workflowId: string, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORY_DIR) return;
  save(workflowId, name, historyToJSON(await client.workflow.getHandle(workflowId).fetchHistory()));
}

function save(workflowId: string, name: string, json: string): void {
  const dir = process.env.RECORD_HISTORY_DIR!;
  mkdirSync(dir, { recursive: true });
  // The workflow id is part of the file name: replay must use it, since task keys embed it.
  writeFileSync(path.join(dir, `${name}--${workflowId}.json`), json);
}

/**
 * The same for a workflow of the time-skipping tier (no CLI server to ask): its history as the
 * client fetched it, in the CLI's JSON form. Run once per scenario when its workflow code changes:
 *   RECORD_HISTORY_DIR=$PWD/tests/replay/histories npm run test:all -- tests/workflow/<file>
 */
export async function recordFetchedHistoryIfAsked(
  handle: { workflowId: string; fetchHistory(): Promise<Parameters<typeof historyToJSON>[0]> },
  name: string,
): Promise<void> {
  const dir = process.env.RECORD_HISTORY_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}--${handle.workflowId}.json`), historyToJSON(await handle.fetchHistory()));
}
