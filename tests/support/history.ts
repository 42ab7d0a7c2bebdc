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
