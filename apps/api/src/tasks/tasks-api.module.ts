import { Module } from '@nestjs/common';
import { ApplicationModule } from '@safety/application';
import { TaskGateway } from './task.gateway';
import { TaskQueries } from './task.queries';
import { TaskTypesController } from './task-types.controller';
import { TasksController } from './tasks.controller';

/** Task inboxes and the step catalogue; TaskGateway is how any area completes a step. */
@Module({
  imports: [ApplicationModule],
  controllers: [TasksController, TaskTypesController],
  providers: [TaskGateway, TaskQueries],
  exports: [TaskGateway],
})
export class TasksApiModule {}
