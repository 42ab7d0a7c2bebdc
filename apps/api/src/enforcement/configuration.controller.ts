import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { LegalReviewCatalogueService, PenaltyPolicyService } from '@safety/application';
import { Actor, Role } from '@safety/domain/identity/roles';
import { AnyAuthenticated, CurrentActor, RequestId, Roles } from '../auth/auth.decorators';
import { Endpoint } from '../contract/endpoint.decorator';
import { OffsetPageQueryDto } from '../contract/schemas';
import {
  ApplicableBenchmarkQueryDto,
  BenchmarkDto,
  BenchmarkPageDto,
  BenchmarkParams,
  BenchmarkViewDto,
  DepartmentParams,
  LegalReviewCatalogueDto,
  LegalReviewCatalogueViewDto,
  PolicyDto,
  PolicyViewDto,
} from './enforcement.schemas';

const ADMINISTRATORS = [Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN];

/** Per-jurisdiction penalty policy and 裁量基准 (行政处罚法 Art.34, 63). */
@ApiTags('enforcement configuration')
@ApiBearerAuth()
@Controller('enforcement')
export class EnforcementConfigController {
  constructor(
    private readonly policies: PenaltyPolicyService,
    private readonly catalogues: LegalReviewCatalogueService,
  ) {}

  @Get('policies/:departmentId')
  @AnyAuthenticated()
  @Endpoint({
    summary: "The department's own overrides and the effective policy (defaults ← levels above ← own)",
    response: PolicyViewDto,
    errors: [400, 403],
  })
  policy(@CurrentActor() actor: Actor, @Param() { departmentId }: DepartmentParams) {
    return this.policies.policyFor(actor, departmentId);
  }

  @Put('policies/:departmentId')
  @Roles(...ADMINISTRATORS)
  @Endpoint({
    summary:
      "Replace the department's overrides; values less favourable to the party than the statute are refused (422 OUT_OF_RANGE); a documentPrefix another department numbers with is refused (409); documentPrefix is never inherited",
    response: PolicyViewDto,
    errors: [400, 403, 404, 409, 413, 415, 422],
  })
  putPolicy(
    @CurrentActor() actor: Actor,
    @Param() { departmentId }: DepartmentParams,
    @Body() body: PolicyDto,
    @RequestId() requestId?: string,
  ) {
    return this.policies.putPolicy(actor, departmentId, body.overrides, requestId);
  }

  @Get('benchmarks')
  @AnyAuthenticated()
  @Endpoint({
    summary: 'Discretion benchmarks visible to you (yours, the levels above, the default)',
    response: BenchmarkPageDto,
    errors: [400],
  })
  benchmarks(@CurrentActor() actor: Actor, @Query() page: OffsetPageQueryDto) {
    return this.policies.listBenchmarks(actor, page.offset, page.limit);
  }

  @Get('benchmarks/applicable')
  @AnyAuthenticated()
  @Endpoint({
    summary: 'The benchmark in force for a department on a date',
    response: BenchmarkViewDto,
    errors: [400, 403, 404],
  })
  applicable(@CurrentActor() actor: Actor, @Query() query: ApplicableBenchmarkQueryDto) {
    return this.policies.applicableBenchmarkFor(actor, query.departmentId, query.on);
  }

  @Get('benchmarks/:version')
  @AnyAuthenticated()
  @Endpoint({
    summary:
      'One benchmark version by id (e.g. the one a penalty proposal was checked against): yours, the levels above, your jurisdiction or the default',
    response: BenchmarkViewDto,
    errors: [400, 403, 404],
  })
  benchmark(@CurrentActor() actor: Actor, @Param() { version }: BenchmarkParams) {
    return this.policies.benchmarkFor(actor, version);
  }

  @Post('benchmarks')
  @Roles(...ADMINISTRATORS)
  @Endpoint({
    summary:
      'Publish a new benchmark version for a department (validated: ranges inside the statutory range, unique violation types)',
    response: BenchmarkViewDto,
    status: 201,
    errors: [400, 403, 404, 409, 413, 415, 422],
  })
  createBenchmark(@CurrentActor() actor: Actor, @Body() body: BenchmarkDto, @RequestId() requestId?: string) {
    return this.policies.createBenchmark(actor, body, requestId);
  }

  @Get('legal-review-catalogues/:departmentId')
  @AnyAuthenticated()
  @Endpoint({
    summary:
      "The department's 重大执法决定法制审核目录 (行政处罚法 Art.58), or the default catalogue while it has stored none",
    response: LegalReviewCatalogueViewDto,
    errors: [400, 403, 404],
  })
  legalReviewCatalogue(@CurrentActor() actor: Actor, @Param() { departmentId }: DepartmentParams) {
    return this.catalogues.catalogueFor(actor, departmentId);
  }

  @Put('legal-review-catalogues/:departmentId')
  @Roles(Role.AGENCY_HEAD, ...ADMINISTRATORS)
  @Endpoint({
    summary:
      "Replace the department's 法制审核目录 (its head, or an administrator over it); proposals from then on are matched against it",
    response: LegalReviewCatalogueViewDto,
    errors: [400, 403, 404, 413, 415],
  })
  putLegalReviewCatalogue(
    @CurrentActor() actor: Actor,
    @Param() { departmentId }: DepartmentParams,
    @Body() body: LegalReviewCatalogueDto,
    @RequestId() requestId?: string,
  ) {
    return this.catalogues.putCatalogue(actor, departmentId, body.entries, requestId);
  }
}
