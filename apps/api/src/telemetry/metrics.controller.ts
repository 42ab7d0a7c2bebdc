import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Public } from '../auth/auth.decorators';
import { ApiMetrics } from './api-metrics';
import { metricsOnApiPort, scrapeAllowed } from './metrics-access';

/**
 * Prometheus scrape on the API port. Public to the user-token guard because scrapers hold no user account:
 * access is the metrics token's (metrics-access.ts); off (404) unless configured.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly cfg: AppConfig,
    private readonly metrics: ApiMetrics,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    if (!metricsOnApiPort(this.cfg)) throw new DomainError(ErrorCode.NOT_FOUND, 'metrics are not served on this port');
    if (!scrapeAllowed(this.cfg, authorization))
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'the metrics token is missing or wrong');
    res.type(this.metrics.contentType).send(await this.metrics.scrape());
  }
}
