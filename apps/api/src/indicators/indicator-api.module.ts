import { Module } from '@nestjs/common';
import { ApplicationModule } from '@safety/application';
import { IndicatorQueries } from './indicator.queries';
import { IndicatorsController } from './indicators.controller';

/** HTTP side of plan indicators (规划指标). */
@Module({ imports: [ApplicationModule], controllers: [IndicatorsController], providers: [IndicatorQueries] })
export class IndicatorApiModule {}
