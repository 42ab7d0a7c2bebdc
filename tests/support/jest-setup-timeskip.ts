import './jest-setup';

/*
 * Suites on the Java time-skipping test server. Under CPU contention that server occasionally
 * rejects a workflow-task completion ("invalid history builder state for action") and the
 * workflow stops progressing — a defect of the test server, not of the workflow (the same tests
 * pass alone and on the dev server). These suites therefore run serially (scripts/test.sh) and a
 * failed test is retried once, with the first failure printed. A real failure fails twice.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });
