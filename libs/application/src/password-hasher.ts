import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import { BoundedConcurrency } from './bounded-concurrency';

/**
 * argon2id with OWASP's recommended minimum (Password Storage Cheat Sheet): 19 MiB of memory, 2
 * iterations, 1 lane. One hash costs tens of milliseconds of one core, not hundreds (the library's
 * defaults, 64 MiB × 3 × 4 lanes, made login CPU-bound at about 4 per second on 2 cores). Each hash
 * stores its parameters, so older hashes still verify and are re-hashed on the next login.
 */
export const ARGON2_OPTIONS = Object.freeze({
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

/** Hashes a new password with the current parameters (administration, seeds, tests). */
export const hashPassword = (plain: string): Promise<string> => argon2.hash(plain, ARGON2_OPTIONS);

/** Password hashing for logins, limited to a few at a time so a flood of logins cannot take every core. */
export class PasswordHasher {
  private readonly limiter: BoundedConcurrency;
  private dummy: Promise<string> | null = null;

  constructor(concurrency: number, queueLimit: number) {
    this.limiter = new BoundedConcurrency(concurrency, queueLimit);
  }

  /** Runs `work` holding one hashing slot; throws ConcurrencyLimitReached when the queue is full. */
  withSlot<T>(work: () => Promise<T>): Promise<T> {
    return this.limiter.run(work);
  }

  /** Verifies inside a slot the caller holds. A malformed stored hash is a mismatch, never an error. */
  verifyHeld(hash: string, plain: string): Promise<boolean> {
    return argon2.verify(hash, plain).catch(() => false);
  }

  /**
   * Spends the cost of a real verification on a hash nobody can match, so an unknown or inactive
   * username answers as slowly as a known one (no account enumeration by timing).
   */
  async verifyDummyHeld(plain: string): Promise<false> {
    this.dummy ??= argon2.hash(randomBytes(32).toString('base64url'), ARGON2_OPTIONS);
    await this.verifyHeld(await this.dummy, plain);
    return false;
  }

  /** Whether a stored hash uses other parameters than the current ones. */
  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, ARGON2_OPTIONS) || !hash.startsWith('$argon2id$');
    } catch {
      return true;
    }
  }

  hashHeld(plain: string): Promise<string> {
    return hashPassword(plain);
  }
}
