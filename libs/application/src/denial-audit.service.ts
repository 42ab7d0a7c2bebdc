import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AuditService } from './audit.service';

export interface Denial {
  actorId: string | null;
  actorRole: string | null;
  method: string;
  /** The route pattern (`/cases/:id`) when known: repeated probes of many ids count as one kind of denial. */
  route: string;
  path: string;
  code: string;
  reason: string;
  requestId: string | null;
}

interface Window {
  first: Denial;
  openedAt: number;
  lastAt: number;
  repeated: number;
  lastRequestId: string | null;
}

/** One full record per actor, route and code per window; repeats within it are summarised when it closes. */
export const DENIAL_WINDOW_MS = 60_000;
/** Windows kept in memory at most; beyond it every open window is summarised and dropped. */
const MAX_WINDOWS = 10_000;

/**
 * Denied requests (every 403) in the full-process record without letting them flood it: they chain in
 * the actor's own denial stream, never in a case's record, and a burst of the same denial is one
 * `ACCESS_DENIED` row followed by one `ACCESS_DENIED_REPEATED` row with the count. Nothing is dropped:
 * open windows are summarised when they expire and at shutdown.
 */
@Injectable()
export class DenialAuditService implements OnModuleDestroy {
  private readonly logger = new Logger('DenialAudit');
  private readonly windows = new Map<string, Window>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly audit: AuditService) {
    this.sweeper = setInterval(() => void this.flush(Date.now() - DENIAL_WINDOW_MS), DENIAL_WINDOW_MS / 4);
    this.sweeper.unref();
  }

  async record(denial: Denial, now = Date.now()): Promise<void> {
    const key = [denial.actorId ?? 'anonymous', denial.method, denial.route, denial.code].join(' ');
    const open = this.windows.get(key);
    if (open && now - open.openedAt < DENIAL_WINDOW_MS) {
      open.repeated++;
      open.lastAt = now;
      open.lastRequestId = denial.requestId;
      return;
    }
    if (open) await this.summarise(key, open);
    if (this.windows.size >= MAX_WINDOWS) await this.flush(Number.POSITIVE_INFINITY);
    this.windows.set(key, { first: denial, openedAt: now, lastAt: now, repeated: 0, lastRequestId: null });
    await this.audit.record({
      actorId: denial.actorId,
      actorRole: denial.actorRole,
      action: 'ACCESS_DENIED',
      requestId: denial.requestId,
      denial: true,
      summary: { method: denial.method, path: denial.path, code: denial.code, reason: denial.reason },
    });
  }

  /** Summarises and closes every window opened before `openedBefore`. */
  async flush(openedBefore: number): Promise<void> {
    for (const [key, window] of [...this.windows]) {
      if (window.openedAt >= openedBefore) continue;
      await this.summarise(key, window).catch((err: unknown) =>
        this.logger.error({ err }, 'could not record a denial summary'),
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweeper);
    await this.flush(Number.POSITIVE_INFINITY);
  }

  private async summarise(key: string, window: Window): Promise<void> {
    this.windows.delete(key);
    if (window.repeated === 0) return;
    const { first } = window;
    await this.audit.record({
      actorId: first.actorId,
      actorRole: first.actorRole,
      action: 'ACCESS_DENIED_REPEATED',
      requestId: window.lastRequestId,
      denial: true,
      summary: {
        method: first.method,
        route: first.route,
        code: first.code,
        reason: first.reason,
        repeated: window.repeated,
        from: new Date(window.openedAt).toISOString(),
        to: new Date(window.lastAt).toISOString(),
      },
    });
  }
}
