import './jest-setup';

/*
 * Suites on the Java time-skipping test server. That server refuses a workflow-task completion that
 * cancels a timer which fired while the task was with the worker ("invalid history builder state for
 * action", temporalio/sdk-java issue 3088) and, since time skipping is global to the server, every
 * later sleep stalls. The tests move time only through skipTime (tests/support/time-skipping.ts),
 * which keeps updates away from due timers; should the server still report that defect, these
 * tests fail fast and scripts/test.sh runs the tier once more in a fresh process, saying why. Any
 * other failure fails the tier.
 */
jest.setTimeout(90_000);
