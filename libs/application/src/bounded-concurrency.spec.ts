import { BoundedConcurrency, ConcurrencyLimitReached } from './bounded-concurrency';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};
const tick = () => new Promise((r) => setImmediate(r));

describe('bounded concurrency', () => {
  it('runs at most `slots` tasks at once, queues the next ones in order and refuses beyond the queue', async () => {
    const limiter = new BoundedConcurrency(2, 2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = gates.map((gate, i) =>
      limiter.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect({ active: limiter.active, queued: limiter.queued }).toEqual({ active: 2, queued: 2 });
    await expect(limiter.run(async () => 99)).rejects.toBeInstanceOf(ConcurrencyLimitReached);

    gates[1].resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0].resolve();
    gates[2].resolve();
    gates[3].resolve();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect({ active: limiter.active, queued: limiter.queued }).toEqual({ active: 0, queued: 0 });
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new BoundedConcurrency(1, 0);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
    expect(limiter.active).toBe(0);
  });

  it('refuses nonsense sizes', () => {
    expect(() => new BoundedConcurrency(0, 1)).toThrow();
    expect(() => new BoundedConcurrency(1, -1)).toThrow();
  });
});
