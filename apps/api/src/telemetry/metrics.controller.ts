import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '@safety/application';
import { Public } from '../auth/auth.decorators';
import { FileEndpoint } from '../contract/endpoint.decorator';
import { ApiMetrics } from './api-metrics';
import { assertApiPortScrape } from './metrics-access';

/**
 * Prometheus scrape on the API port. Public to the user-token guard because scrapers hold no user account:
 * access is the metrics token's (metrics-access.ts); off (404) unless configured.
 */
@ApiTags('operations')
@ApiBearerAuth()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly cfg: AppConfig,
    private readonly metrics: ApiMetrics,
  ) {}

  @Get()
  @FileEndpoint({
    summary:
      'Prometheus metrics (text exposition format) with `Authorization: Bearer <METRICS_TOKEN>`; 404 unless METRICS_TOKEN is set and no separate METRICS_ADDRESS listener is configured',
    produces: 'text/plain',
    description: 'Request durations by route and status, open-task gauges per department, process metrics',
    isPublic: true,
    errors: [401, 404],
  })
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    assertApiPortScrape(this.cfg, authorization);
    res.type(this.metrics.contentType).send(await this.metrics.scrape());
  }
}
