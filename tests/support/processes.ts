import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import request from 'supertest';
import { SEARCH_ATTRIBUTES } from '@safety/temporal/task-queues';
import { expectEventually } from './eventually';

/**
 * The compiled API and worker (`dist/`) as separate processes, and a Temporal dev server this test owns,
 * so that tests can kill -9 any of them and start them again (tests/processes).
 */
const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const need = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this tier with scripts/test-processes.sh (or npm run test:all)`);
  return value;
};

interface Managed {
  child: ChildProcess;
  exited: Promise<void>;
  logFile: string;
}

export class ProcessStack {
  readonly logDir: string;
  private readonly processes = new Map<string, Managed>();
  private temporalPort = 0;

  constructor(
    private readonly env: Record<string, string>,
    name: string,
  ) {
    this.logDir = path.join(need('PROCESS_TIER_DIR'), name);
    mkdirSync(this.logDir, { recursive: true });
  }

  private start(name: string, command: string, args: string[], env: Record<string, string> = {}): Managed {
    if (this.processes.has(name)) throw new Error(`${name} is already running`);
    const logFile = path.join(this.logDir, `${name}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env, ...env },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const managed = { child, exited, logFile };
    this.processes.set(name, managed);
    void exited.then(() => {
      if (this.processes.get(name) === managed) this.processes.delete(name);
    });
    return managed;
  }

  log(name: string): string {
    try {
      return readFileSync(path.join(this.logDir, `${name}.log`), 'utf8');
    } catch {
      return '';
    }
  }

  /** A Temporal dev server on a SQLite file: a restart on the same file keeps every workflow. */
  async startTemporal(): Promise<string> {
    this.temporalPort ||= await freePort();
    const address = `127.0.0.1:${this.temporalPort}`;
    const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(this.temporalPort), '--headless'];
    args.push('--log-level', 'warn', '--db-filename', path.join(this.logDir, 'temporal.db'));
    for (const name of Object.values(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=Keyword`);
    this.start('temporal', need('TEMPORAL_CLI'), args);
    this.env.TEMPORAL_ADDRESS = address;
    await expectEventually(
      async () => {
        const connection = await Connection.connect({ address, connectTimeout: 1_000 });
        try {
          await connection.workflowService.getSystemInfo({});
        } finally {
          await connection.close();
        }
      },
      { timeoutMs: 60_000, intervalMs: 300 },
    );
    return address;
  }

  async startApi(
    name: string,
    env: Record<string, string> = {},
  ): Promise<{ url: string; http: () => ReturnType<typeof request> }> {
    const port = await freePort();
    this.start(name, process.execPath, ['dist/apps/api/src/main.js'], { PORT: String(port), ...env });
    const url = `http://127.0.0.1:${port}`;
    await expectEventually(
      async () => {
        if (!this.processes.has(name)) throw new Error(`${name} exited:\n${this.log(name).slice(-2000)}`);
        expect((await fetch(`${url}/health/live`)).status).toBe(200);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    return { url, http: () => request(url) };
  }

  async startWorker(name: string, env: Record<string, string> = {}): Promise<void> {
    const heapMb = env.WORKER_MAX_HEAP_MB ?? this.env.WORKER_MAX_HEAP_MB ?? '768';
    this.start(name, process.execPath, [`--max-old-space-size=${heapMb}`, 'dist/apps/worker/src/main.js'], env);
    await expectEventually(
      () => {
        if (!this.processes.has(name)) throw new Error(`${name} exited:\n${this.log(name).slice(-2000)}`);
        expect(this.log(name)).toContain('"msg":"worker running"');
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }

  /** Runs the worker with the given heap flag until it exits by itself (a refused start); its exit code and log. */
  async workerExit(
    name: string,
    heapFlagMb: number,
    env: Record<string, string>,
  ): Promise<{ code: number | null; log: string }> {
    const managed = this.start(
      name,
      process.execPath,
      [`--max-old-space-size=${heapFlagMb}`, 'dist/apps/worker/src/main.js'],
      env,
    );
    const timer = setTimeout(() => managed.child.kill('SIGKILL'), 60_000);
    await managed.exited;
    clearTimeout(timer);
    return { code: managed.child.exitCode, log: this.log(name) };
  }

  /** SIGKILL (no drain, no cleanup) by default, and waits until the process is gone. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const managed = this.processes.get(name);
    if (!managed) throw new Error(`${name} is not running`);
    managed.child.kill(signal);
    await managed.exited;
  }

  running(name: string): boolean {
    return this.processes.has(name);
  }

  async stopAll(): Promise<void> {
    // Apps first, the Temporal server last, each given a few seconds to stop cleanly.
    const names = [...this.processes.keys()].sort((a, b) => Number(a === 'temporal') - Number(b === 'temporal'));
    for (const name of names) {
      const managed = this.processes.get(name);
      if (!managed) continue;
      managed.child.kill('SIGTERM');
      const timer = setTimeout(() => managed.child.kill('SIGKILL'), 10_000);
      await managed.exited;
      clearTimeout(timer);
    }
  }
}

/** Restarts the tier's own PostgreSQL cluster (fast shutdown: open connections are cut). */
export async function restartPostgres(): Promise<void> {
  await run('bash', ['-c', 'source scripts/lib/postgres.sh && pg_restart'], { cwd: ROOT, env: process.env });
}

export const randomSecret = () => randomBytes(24).toString('hex');
