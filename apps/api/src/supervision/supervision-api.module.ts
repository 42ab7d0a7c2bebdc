import { Module } from '@nestjs/common';
import { ApplicationModule } from '@safety/application';
import { PublicSummonsesController } from './public-summonses.controller';
import { SupervisionGateway } from './supervision.gateway';
import { SummonsesController, SupervisionItemsController } from './supervision.controller';

/** HTTP side of supervision items (督办) and summonses (约谈). */
@Module({
  imports: [ApplicationModule],
  controllers: [SupervisionItemsController, SummonsesController, PublicSummonsesController],
  providers: [SupervisionGateway],
})
export class SupervisionApiModule {}
