import './jest-setup';

/*
 * Suites on the Java time-skipping test server. Now and then that server stops advancing time
 * (it rejects a workflow-task completion — "invalid history builder state for action" — and,
 * since time skipping is global to the server, every later sleep stalls). It is a defect of the
 * test server, not of the workflows: the same tests pass alone and on the dev server. A stalled
 * server cannot recover within the process, so these tests fail fast, and scripts/test.sh runs
 * this tier once more in a fresh process with fresh servers when it fails. A real failure fails
 * both times.
 */
jest.setTimeout(90_000);
