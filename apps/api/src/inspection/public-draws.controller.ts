import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InspectionDrawService } from '@safety/application';
import { Public } from '../auth/auth.decorators';
import { PublicDrawQuery } from './inspection.dto';

/** 双随机一公开: the public side. Enterprise names and inspector counts; officer names masked; no other personal data. */
@ApiTags('public')
@Controller('public')
export class PublicDrawsController {
  constructor(private readonly draws: InspectionDrawService) {}

  @Public()
  @Get('inspection-draws')
  @ApiOperation({
    summary: 'Published 双随机 draws: seed, algorithm, drawn enterprises and the number of inspectors (names masked)',
  })
  list(@Query() q: PublicDrawQuery) {
    return this.draws.listPublic(q);
  }
}
