import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { InspectionPlanQueries } from './inspection-plan.queries';
import { PublicDrawPageDto, PublicDrawQueryDto } from './inspection.schemas';

/** 双随机一公开: the public side. Enterprise names and inspector counts; officer names masked; no other personal data. */
@ApiTags('public')
@Controller('public')
export class PublicDrawsController {
  constructor(private readonly queries: InspectionPlanQueries) {}

  @Public()
  @Get('inspection-draws')
  @Endpoint({
    summary: 'Published 双随机 draws: seed, algorithm, drawn enterprises and the number of inspectors (names masked)',
    response: PublicDrawPageDto,
    errors: [400],
    isPublic: true,
  })
  list(@Query() query: PublicDrawQueryDto) {
    return this.queries.publicDraws(query);
  }
}
