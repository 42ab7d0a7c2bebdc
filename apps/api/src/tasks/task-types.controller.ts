import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnyAuthenticated } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { taskTypeCatalogue } from './step-catalogue';
import { TaskTypeCatalogueDto } from './task.schemas';

@ApiTags('tasks')
@ApiBearerAuth()
@AnyAuthenticated()
@Controller('task-types')
export class TaskTypesController {
  @Get()
  @Endpoint({
    summary:
      'Every human step of every workflow: title, roles, outcomes and the JSON Schema of each outcome’s payload (field titles in Chinese and English)',
    response: TaskTypeCatalogueDto,
  })
  catalogue() {
    return { items: taskTypeCatalogue() };
  }
}
