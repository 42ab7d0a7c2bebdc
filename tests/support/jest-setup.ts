import { DefaultLogger, Runtime } from '@temporalio/worker';

jest.setTimeout(180_000);

// Keep the SDK's own INFO chatter (worker state changes) out of test output; warnings still show.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by an earlier test file in this Jest worker process.
}
