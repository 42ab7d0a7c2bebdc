import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Role } from '@safety/domain/identity/roles';
import { AnyAuthenticated, CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { IdParams, PageQueryDto } from '../contract/schemas';
import { OrganisationQueries } from './organisation.queries';
import {
  CreateUserDto,
  DepartmentDirectoryQueryDto,
  DepartmentPageDto,
  DirectoryDepartmentPageDto,
  DirectoryQueryDto,
  DepartmentQueryDto,
  EnterpriseDto,
  EnterprisePageDto,
  EnterpriseQueryDto,
  DirectoryUserPageDto,
  UserDto,
  UserPageDto,
} from './organisation.schemas';

const ADMINISTRATORS = [Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN];

@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrganisationController {
  constructor(private readonly org: OrganisationQueries) {}

  @Get('departments')
  @AnyAuthenticated()
  @Endpoint({
    summary: 'Departments (the directory is not personal data)',
    response: DepartmentPageDto,
    errors: [400],
  })
  departments(@Query() query: DepartmentQueryDto) {
    return this.org.departments(query);
  }

  @Get('enterprises')
  @AnyAuthenticated()
  @Endpoint({
    summary: "Enterprises your departments supervise (principals' phones masked)",
    response: EnterprisePageDto,
    errors: [400],
  })
  enterprises(@CurrentActor() actor: Actor, @Query() query: EnterpriseQueryDto) {
    return this.org.enterprises(actor, query);
  }

  @Get('enterprises/:id')
  @AnyAuthenticated()
  @Endpoint({
    summary: 'One enterprise with its principal contact (the read is recorded in the audit log)',
    response: EnterpriseDto,
    errors: [400, 403, 404],
  })
  enterprise(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.org.enterprise(actor, id, requestId);
  }

  @Get('users')
  @Roles(...ADMINISTRATORS)
  @Endpoint({ summary: 'Users of the departments you administer', response: UserPageDto, errors: [400, 403] })
  users(@CurrentActor() actor: Actor, @Query() page: PageQueryDto) {
    return this.org.users(actor, page);
  }

  @Get('directory/users')
  @AnyAuthenticated()
  @Endpoint({
    summary:
      'Active users of your visible departments (name, department, roles, credential number), for steps that name colleagues; with `q`, the officials of every department whose name matches (an investigation team takes members from other bodies); with `ids`, the people named by a record',
    response: DirectoryUserPageDto,
    errors: [400],
  })
  directory(@CurrentActor() actor: Actor, @Query() query: DirectoryQueryDto) {
    return this.org.directory(actor, query);
  }

  @Get('directory/departments')
  @AnyAuthenticated()
  @Endpoint({
    summary:
      'Departments in existence today, by code, for steps that name one (the competent department of a transfer, a joint inspection partner); with `q`, those whose name or code contains it',
    response: DirectoryDepartmentPageDto,
    errors: [400],
  })
  departmentDirectory(@Query() query: DepartmentDirectoryQueryDto) {
    return this.org.departmentDirectory(query);
  }

  @Post('users')
  @Roles(...ADMINISTRATORS)
  @Endpoint({
    summary:
      'Create a user in a department you administer (enforcement officers need a credential number; only a system administrator grants SYSTEM_ADMIN)',
    response: UserDto,
    status: 201,
    errors: [400, 403, 404, 409, 413, 415, 422],
  })
  createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserDto, @RequestId() requestId?: string) {
    return this.org.createUser(actor, body, requestId);
  }

  @Post('users/:id/deactivate')
  @Roles(...ADMINISTRATORS)
  @Endpoint({
    summary: 'Deactivate a user (takes effect on their next request; not yourself)',
    response: UserDto,
    errors: [400, 403, 404, 422],
  })
  deactivate(@CurrentActor() actor: Actor, @Param() { id }: IdParams, @RequestId() requestId?: string) {
    return this.org.deactivate(actor, id, requestId);
  }
}
