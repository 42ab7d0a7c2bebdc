import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { OrganisationService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { UserEntity } from '@safety/persistence';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { CursorPageQuery, OffsetPageQuery } from '../common/pagination';

const LEVELS = ['PROVINCE', 'CITY', 'COUNTY', 'TOWN', 'PARK'];

export class DepartmentQuery extends OffsetPageQuery {
  @ApiPropertyOptional({ enum: LEVELS }) @IsOptional() @IsIn(LEVELS) level?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(48) kind?: string;
}

export class EnterpriseQuery extends CursorPageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(48) sectorCode?: string;
  @ApiPropertyOptional({ enum: ['RED', 'ORANGE', 'YELLOW', 'BLUE'] })
  @IsOptional()
  @IsIn(['RED', 'ORANGE', 'YELLOW', 'BLUE'])
  riskGrade?: string;
}

export class CreateUserDto {
  @ApiProperty()
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username: 3–64 lowercase letters, digits, . _ -' })
  username!: string;
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(256) password!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) displayName!: string;
  @ApiProperty() @IsUUID() departmentId!: string;
  @ApiProperty({ enum: Role, isArray: true }) @IsArray() @ArrayMinSize(1) @IsEnum(Role, { each: true }) roles!: Role[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(32) credentialNo?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() legalQualified?: boolean;
}

const userView = (u: UserEntity) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  departmentId: u.departmentId,
  roles: u.roles,
  credentialNo: u.credentialNo,
  legalQualified: u.legalQualified,
  active: u.active,
});

@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrganisationController {
  constructor(private readonly org: OrganisationService) {}

  @Get('departments')
  @ApiOperation({ summary: 'Departments (the directory is not personal data)' })
  async departments(@Query() q: DepartmentQuery) {
    const page = await this.org.departments(q);
    return {
      ...page,
      items: page.items.map((d) => ({
        id: d.id,
        code: d.code,
        name: d.name,
        kind: d.kind,
        level: d.level,
        regionId: d.regionId,
        parentId: d.parentId,
        validFrom: d.validFrom,
        validTo: d.validTo,
      })),
    };
  }

  @Get('enterprises')
  @ApiOperation({ summary: "Enterprises your departments supervise (principals' phones masked)" })
  enterprises(@CurrentActor() actor: Actor, @Query() q: EnterpriseQuery) {
    return this.org.enterprises(actor, q);
  }

  @Get('enterprises/:id')
  @ApiOperation({ summary: 'One enterprise with its principal contact (the read is recorded in the audit log)' })
  enterprise(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @RequestId() requestId?: string) {
    return this.org.enterprise(actor, id, requestId);
  }

  @Get('users')
  @Roles(Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Users of the departments you administer' })
  async users(@CurrentActor() actor: Actor, @Query() q: CursorPageQuery) {
    const page = await this.org.users(actor, q);
    return { ...page, items: page.items.map(userView) };
  }

  @Post('users')
  @Roles(Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Create a user in a department you administer' })
  async createUser(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto, @RequestId() requestId?: string) {
    return userView(await this.org.createUser(actor, dto, requestId));
  }

  @Post('users/:id/deactivate')
  @HttpCode(200)
  @Roles(Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN)
  @ApiOperation({ summary: 'Deactivate a user (takes effect on their next request)' })
  async deactivate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @RequestId() requestId?: string,
  ) {
    return userView(await this.org.setActive(actor, id, false, requestId));
  }
}
