import { performance } from 'node:perf_hooks';

/** Latency sample set in milliseconds. */
export class Latencies {
  readonly samples: number[] = [];

  add(ms: number): void {
    this.samples.push(ms);
  }

  merge(other: Latencies): this {
    this.samples.push(...other.samples);
    return this;
  }

  percentile(p: number): number {
    if (this.samples.length === 0) return Number.NaN;
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  }

  get count(): number {
    return this.samples.length;
  }
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs`. */
export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

/**
 * Waits until `probe`'s answer satisfies `done` and has not changed for `steadyMs`, polling every second;
 * answers false when `timeoutMs` passes first.
 */
export async function untilSteady<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  steadyMs: number,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  let last = JSON.stringify(await probe());
  let since = performance.now();
  while (performance.now() < deadline) {
    await sleep(1000);
    const value = await probe();
    const seen = JSON.stringify(value);
    if (seen !== last) [last, since] = [seen, performance.now()];
    else if (done(value) && performance.now() - since >= steadyMs) return true;
  }
  return false;
}

/** A small JSON-over-HTTP client with a bearer token (Node's fetch keeps connections alive). */
export class Http {
  constructor(readonly base: string) {}

  async request(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; expect?: number } = {},
  ): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    const body: unknown = text ? JSON.parse(text) : null;
    if (opts.expect !== undefined && res.status !== opts.expect)
      throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return { status: res.status, body };
  }

  get<T>(path: string, token: string): Promise<T> {
    return this.request('GET', path, { token, expect: 200 }).then((r) => r.body as T);
  }

  post<T>(path: string, token: string | undefined, body: unknown, expect: number): Promise<T> {
    return this.request('POST', path, { token, body, expect }).then((r) => r.body as T);
  }
}

/** Resident set size of a process in MiB (Linux /proc), current and peak. */
export async function processMemory(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: round(kb('VmRSS') / 1024), peakMb: round(kb('VmHWM') / 1024) };
}
