/* Prebuilds the workflow bundle the worker loads in production (and replay tests check). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildWorkflowBundle } from '@safety/temporal/runtime/bundle';

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'workflow-bundle.js'));
  const { code } = await buildWorkflowBundle();
  writeFileSync(out, code);
  console.log(JSON.stringify({ msg: 'workflow bundle written', path: out, bytes: code.length }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
