import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { copyIntoRotatingLog, rotationFromEnv } from '../../scripts/log-rotate';

/** start:all pipes the API's and worker's output through scripts/log-rotate.ts: the files stay bounded. */
describe('log rotation', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'log-rotate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the current file under the size and at most the configured number of rotated files', async () => {
    const file = join(dir, 'api.log');
    const input = new PassThrough();
    const done = copyIntoRotatingLog(input, file, { size: '64K', interval: '1d', maxFiles: 3 });
    // About 1.3 MB of JSON lines (the unrotated log grew to 44 MB after 40,000 requests).
    const line = `${JSON.stringify({ level: 30, msg: 'request completed', pad: 'x'.repeat(200) })}\n`;
    for (let i = 0; i < 6000; i++) {
      if (!input.write(line)) await new Promise((resolve) => input.once('drain', resolve));
    }
    input.end();
    await done;
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['api.log', 'api.log.1.gz', 'api.log.2.gz', 'api.log.3.gz']);
    expect(statSync(file).size).toBeLessThanOrEqual(64 * 1024 + line.length);
    const total = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    expect(total).toBeLessThan(1024 * 1024);
  });

  it('reads and checks its settings from the environment', () => {
    expect(rotationFromEnv({})).toEqual({ size: '10M', interval: '1d', maxFiles: 10 });
    expect(rotationFromEnv({ LOG_ROTATE_SIZE: '50M', LOG_ROTATE_INTERVAL: '12h', LOG_ROTATE_FILES: '5' })).toEqual({
      size: '50M',
      interval: '12h',
      maxFiles: 5,
    });
    expect(() => rotationFromEnv({ LOG_ROTATE_FILES: '0' })).toThrow();
    expect(() => rotationFromEnv({ LOG_ROTATE_SIZE: 'huge' })).toThrow();
    expect(() => rotationFromEnv({ LOG_ROTATE_INTERVAL: 'weekly' })).toThrow();
  });
});
