import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, AuditService } from '@safety/application';

/**
 * Anchors the audit streams' heads periodically (docs/case-machinery.md "Full-process record"): rows
 * deleted from a stream's end before the next anchor are the only loss verification cannot see, so
 * the interval bounds that window. Several worker replicas may run it; anchors serialise in the database.
 */
@Injectable()
export class AuditAnchoring implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditAnchoring');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.anchor(), this.config.AUDIT_ANCHOR_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async anchor(): Promise<void> {
    try {
      const anchor = await this.audit.anchor();
      if (anchor?.streams) this.logger.log(`audit anchor ${anchor.seq}: ${anchor.streams} streams`);
    } catch (err) {
      this.logger.error({ err }, 'could not anchor the audit streams');
    }
  }
}
