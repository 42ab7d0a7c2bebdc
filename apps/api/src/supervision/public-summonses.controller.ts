import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { SupervisionGateway } from './supervision.gateway';
import { PublicSummonsPageDto, PublicSummonsQueryDto } from './supervision.schemas';

/** 约谈情况公开: the summons records their departments published, for anyone; the person summoned masked. */
@ApiTags('public')
@Controller('public/summonses')
export class PublicSummonsesController {
  constructor(private readonly supervision: SupervisionGateway) {}

  @Public()
  @Get()
  @Endpoint({
    summary: 'Published summons records (约谈情况公开), newest first: who was summoned and why, the commitments',
    response: PublicSummonsPageDto,
    errors: [400],
    isPublic: true,
  })
  list(@Query() query: PublicSummonsQueryDto) {
    return this.supervision.publishedSummonses(query);
  }
}
