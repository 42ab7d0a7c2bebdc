import { Injectable, Logger } from '@nestjs/common';
import { BackoffPolicy, clientAddressKey, lockSeconds } from '@safety/domain/identity/login-throttle';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor } from '@safety/domain/identity/roles';
import { DirectoryRepository, LoginThrottleRepository, OrganisationRepository, ThrottleKey } from '@safety/persistence';
import { AuditService } from './audit.service';
import { ConcurrencyLimitReached } from './bounded-concurrency';
import { AppConfig } from './config/app-config';
import { IdentityService } from './identity.service';
import { PasswordHasher } from './password-hasher';

const rateLimited = (seconds: number, message: string) =>
  new DomainError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds: Math.max(1, Math.ceil(seconds)) });

/**
 * Password login with throttling per account and per client address (exponential backoff, state in
 * PostgreSQL), constant-cost answers for unknown usernames, bounded hashing concurrency, and
 * transparent upgrade of hashes made with older argon2 parameters.
 */
@Injectable()
export class LoginService {
  private readonly logger = new Logger('Login');
  private readonly accountPolicy: BackoffPolicy;
  private readonly addressPolicy: BackoffPolicy;

  constructor(
    private readonly cfg: AppConfig,
    private readonly throttle: LoginThrottleRepository,
    private readonly hasher: PasswordHasher,
    private readonly org: OrganisationRepository,
    private readonly directory: DirectoryRepository,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
  ) {
    const backoff = { baseSeconds: cfg.LOGIN_BACKOFF_BASE_SECONDS, maxSeconds: cfg.LOGIN_BACKOFF_MAX_SECONDS };
    this.accountPolicy = { ...backoff, freeFailures: cfg.LOGIN_ACCOUNT_FREE_FAILURES };
    this.addressPolicy = { ...backoff, freeFailures: cfg.LOGIN_ADDRESS_FREE_FAILURES };
  }

  /** Checks the password and audits the attempt. The same error for an unknown user and a wrong password. */
  async login(username: string, password: string, clientAddress: string, requestId?: string): Promise<Actor> {
    const account: ThrottleKey = { scope: 'ACCOUNT', key: username };
    const address: ThrottleKey = { scope: 'ADDRESS', key: clientAddressKey(clientAddress) };
    await this.refuseWhileLocked([account, address]);
    try {
      return await this.hasher.withSlot(async () => {
        // Checked again holding the slot: attempts queued in parallel must not all slip past one lock.
        await this.refuseWhileLocked([account, address]);
        return this.verify(username, password, account, address, requestId);
      });
    } catch (e) {
      if (e instanceof ConcurrencyLimitReached)
        throw rateLimited(1, 'too many logins are being checked at once; try again shortly');
      throw e;
    }
  }

  private async refuseWhileLocked(keys: ThrottleKey[]): Promise<void> {
    const wait = await this.throttle.secondsLocked(keys);
    if (wait > 0) throw rateLimited(wait, 'too many failed logins; wait before trying again');
  }

  private async verify(
    username: string,
    password: string,
    account: ThrottleKey,
    address: ThrottleKey,
    requestId?: string,
  ): Promise<Actor> {
    const user = await this.org.findUserByUsername(username);
    const matches = user
      ? await this.hasher.verifyHeld(user.passwordHash, password)
      : await this.hasher.verifyDummyHeld(password);
    if (!user || !user.active || !matches) {
      await this.countFailure(account, this.accountPolicy);
      await this.countFailure(address, this.addressPolicy);
      await this.audit.record({ actorId: user?.id ?? null, action: 'LOGIN_FAILED', requestId, summary: { username } });
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'wrong username or password');
    }
    if (this.hasher.needsRehash(user.passwordHash))
      await this.directory.setPasswordHash(user.id, await this.hasher.hashHeld(password));
    await this.throttle.clear(account);
    await this.throttle.purgeStale(this.cfg.LOGIN_FAILURE_WINDOW_SECONDS);
    await this.audit.record({
      actorId: user.id,
      actorRole: user.roles[0] ?? null,
      action: 'LOGIN_SUCCEEDED',
      requestId,
      summary: { username },
    });
    return this.identity.resolveActor(user.id);
  }

  private async countFailure(key: ThrottleKey, policy: BackoffPolicy): Promise<void> {
    const failures = await this.throttle.countFailure(key, this.cfg.LOGIN_FAILURE_WINDOW_SECONDS);
    const seconds = lockSeconds(failures, policy);
    if (seconds > 0) {
      await this.throttle.lock(key, seconds);
      this.logger.warn({ scope: key.scope, key: key.key, failures, lockSeconds: seconds }, 'login locked');
    }
  }
}
