import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { LivenessDto, ReadinessDto } from './health.schemas';
import { Readiness } from './readiness';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  @Get('live')
  @Endpoint({
    summary: 'The process is up (liveness: no dependency is asked)',
    response: LivenessDto,
    isPublic: true,
  })
  live() {
    return { status: 'ok' as const };
  }

  @Get('ready')
  @Endpoint({
    summary:
      'PostgreSQL and Temporal answer and workers poll both the workflow and the activity task queue; 503 otherwise',
    response: ReadinessDto,
    isPublic: true,
    sameBodyAlso: { status: 503, description: 'Not ready: the same report, with the failing checks down' },
  })
  async ready(@Res({ passthrough: true }) res: Response) {
    const { ready, body } = await this.readiness.report();
    res.status(ready ? 200 : 503);
    return body;
  }
}
