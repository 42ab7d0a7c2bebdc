/** Thrown by `BoundedConcurrency.run` when every slot is busy and the queue is full. */
export class ConcurrencyLimitReached extends Error {
  constructor() {
    super('all slots are busy and the queue is full');
    this.name = 'ConcurrencyLimitReached';
  }
}

/**
 * At most `slots` tasks run at once; up to `queueLimit` more wait in arrival order; any further
 * one is refused at once. Keeps CPU-heavy work (password hashing) from taking every core.
 */
export class BoundedConcurrency {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly slots: number,
    readonly queueLimit: number,
  ) {
    if (!Number.isInteger(slots) || slots < 1) throw new Error('slots must be a positive integer');
    if (!Number.isInteger(queueLimit) || queueLimit < 0) throw new Error('queueLimit must be a non-negative integer');
  }

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) {
      if (this.waiting.length >= this.queueLimit) throw new ConcurrencyLimitReached();
      // The slot is handed over by the finishing task, so `running` stays counted meanwhile.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
