import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PenaltyPolicyService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, Role } from '@safety/domain/identity/roles';
import { toLocalDate } from '@safety/domain/calendar';
import { CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { OffsetPageQuery } from '../common/pagination';
import { ApplicableBenchmarkQuery, BenchmarkDto, PolicyDto } from './enforcement.dto';

/** Per-jurisdiction penalty policy and 裁量基准 (行政处罚法 Art.34, 63). */
@ApiTags('enforcement configuration')
@ApiBearerAuth()
@Controller('enforcement')
export class EnforcementConfigController {
  constructor(private readonly policies: PenaltyPolicyService) {}

  @Get('policies/:departmentId')
  @ApiOperation({ summary: "The department's own overrides and the effective policy (defaults ← levels above ← own)" })
  async policy(@CurrentActor() a: Actor, @Param('departmentId', ParseUUIDPipe) departmentId: string) {
    if (!a.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this department is outside your jurisdiction');
    return {
      departmentId,
      overrides: await this.policies.ownOverrides(departmentId),
      effective: await this.policies.effectivePolicy(departmentId),
    };
  }

  @Put('policies/:departmentId')
  @Roles(Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN)
  @ApiOperation({
    summary:
      "Replace the department's overrides; values less favourable to the party than the statute are refused (422 OUT_OF_RANGE)",
  })
  async putPolicy(
    @CurrentActor() a: Actor,
    @Param('departmentId', ParseUUIDPipe) departmentId: string,
    @Body() dto: PolicyDto,
    @RequestId() rid?: string,
  ) {
    return { departmentId, ...(await this.policies.putPolicy(a, departmentId, dto.overrides, rid)) };
  }

  @Get('benchmarks')
  @ApiOperation({ summary: 'Discretion benchmarks visible to you (yours, the levels above, the default)' })
  benchmarks(@CurrentActor() a: Actor, @Query() q: OffsetPageQuery) {
    return this.policies.listBenchmarks(a, q.offset, q.limit);
  }

  @Get('benchmarks/applicable')
  @ApiOperation({ summary: 'The benchmark in force for a department on a date' })
  async applicable(@CurrentActor() a: Actor, @Query() q: ApplicableBenchmarkQuery) {
    const departmentId = q.departmentId ?? a.departmentId;
    if (!a.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this department is outside your jurisdiction');
    const b = await this.policies.applicableBenchmark(departmentId, q.on ?? toLocalDate(new Date()));
    if (!b) throw new DomainError(ErrorCode.NOT_FOUND, 'no discretion benchmark is in force');
    return b;
  }

  @Post('benchmarks')
  @Roles(Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN)
  @ApiOperation({
    summary:
      'Publish a new benchmark version for a department (validated: ranges inside the statutory range, unique violation types)',
  })
  createBenchmark(@CurrentActor() a: Actor, @Body() dto: BenchmarkDto, @RequestId() rid?: string) {
    return this.policies.createBenchmark(a, dto, rid);
  }
}
