import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { fromEpochDay, isLocalDate, toEpochDay, toLocalDate } from '@safety/domain/calendar';
import { amountOwed as owedOnDay } from '@safety/domain/enforcement/amount-owed';
import { ContinuingDailyFine, continuingDailyFine } from '@safety/domain/enforcement/continuing-fine';
import { fenToYuan } from '@safety/domain/enforcement/money';
import { caseParty } from '@safety/domain/enforcement/party';
import { CaseRepository, EnforcementRepository, OrganisationRepository, UnitOfWork } from '@safety/persistence';
import type { BenchmarkSnapshot, PenaltyContext, PenaltyProcedureState } from '@safety/temporal';
import { AuditService } from '../audit.service';
import { CalendarService } from '../calendar.service';
import { LinkedCaseService } from '../linked-case.service';
import { PenaltyPolicyService } from './penalty-policy.service';

export interface AmountOwed {
  asOf: string;
  fineYuan: number;
  dueDate: string | null;
  surchargeYuan: number;
  surchargeDays: number;
  suspendedDays: number;
  capped: boolean;
  paidYuan: number;
  outstandingYuan: number;
  settled: boolean;
}

/** What the penalty workflow's activities and the enforcement endpoints need beyond the generic case services. */
@Injectable()
export class PenaltyCaseService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: EnforcementRepository,
    private readonly cases: CaseRepository,
    private readonly org: OrganisationRepository,
    private readonly linkedCases: LinkedCaseService,
    private readonly calendar: CalendarService,
    private readonly policies: PenaltyPolicyService,
    private readonly audit: AuditService,
  ) {}

  async loadContext(caseId: string, departmentId: string): Promise<PenaltyContext> {
    const c = await this.cases.findById(caseId);
    if (!c) throw new DomainError(ErrorCode.NOT_FOUND, `case ${caseId} not found`);
    const handlers: PenaltyContext['handlers'] = [];
    for (const id of c.handlerIds) {
      const u = await this.org.findUserById(id);
      if (u) handlers.push({ userId: u.id, credentialNo: u.credentialNo, roles: u.roles });
    }
    const ent = c.enterpriseId ? await this.org.findEnterprise(c.enterpriseId) : null;
    const dept = await this.org.findDepartment(departmentId);
    return {
      policy: await this.policies.effectivePolicy(departmentId),
      handlers,
      party: caseParty(c.data, ent),
      departmentName: dept?.name ?? '',
    };
  }

  async benchmark(departmentId: string, on: string): Promise<BenchmarkSnapshot | null> {
    const b = await this.policies.applicableBenchmark(departmentId, on);
    return b
      ? { id: b.id, jurisdiction: b.jurisdiction, effectiveFrom: b.effectiveFrom, source: b.source, entries: b.entries }
      : null;
  }

  qualifiedLegalReviewers(departmentId: string): Promise<string[]> {
    return this.repo.qualifiedLegalReviewers(departmentId);
  }

  /** The next `count` working days after `from`; stops at the first year without a loaded calendar (fail closed). */
  async workingDays(from: string, count: number): Promise<{ days: string[]; missingYear: number | null }> {
    const cal = await this.calendar.calendar();
    const days: string[] = [];
    let d = toEpochDay(from);
    while (days.length < count) {
      d++;
      const date = fromEpochDay(d);
      if (!cal.hasYear(Number(date.slice(0, 4)))) return { days, missingYear: Number(date.slice(0, 4)) };
      if (cal.isWorkingDay(date)) days.push(date);
    }
    return { days, missingYear: null };
  }

  /** Audits a workflow event exactly once per key (a retried activity finds its key taken). */
  async recordEvent(input: {
    eventKey: string;
    caseId: string;
    actorId: string | null;
    actorRole?: string | null;
    action: string;
    summary: Record<string, unknown>;
    requestId?: string | null;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      if (!(await this.repo.claimEventKey(input.eventKey, tx))) return;
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.actorId,
          actorRole: input.actorRole ?? null,
          action: input.action,
          summary: input.summary,
          requestId: input.requestId ?? null,
        },
        tx,
      );
    });
  }

  async createTransferCase(input: {
    sourceCaseId: string;
    departmentId: string;
    enterpriseId: string | null;
    proposedBy: string;
    teamIds: string[];
    workflowId: string;
    suspectedOffence: string;
    grounds: string[];
  }): Promise<{ caseId: string }> {
    const c = await this.linkedCases.createLinked({
      caseType: 'CRIMINAL_TRANSFER',
      title: `涉嫌犯罪案件移送：${input.suspectedOffence}`.slice(0, 200),
      departmentId: input.departmentId,
      enterpriseId: input.enterpriseId,
      createdBy: input.proposedBy,
      handlerIds: input.teamIds,
      workflowId: input.workflowId,
      sourceCaseId: input.sourceCaseId,
      data: { suspectedOffence: input.suspectedOffence, grounds: input.grounds },
    });
    return { caseId: c.id };
  }

  /**
   * Fine, 加处罚款 and payments as of a local date (行政处罚法 Art.72: 3% of the fine per day after the due
   * date, capped at the fine; Art.73: no accrual while 复议/诉讼 is pending). Payments on or before `asOf` count.
   */
  /**
   * 安全生产法 Art.112 for a case opened because a rectification order was not obeyed: the daily fine
   * at the original amount from the day after the order, as of `until` (default today in China).
   */
  continuingDailyFine(
    caseData: Record<string, unknown>,
    p: PenaltyProcedureState | undefined,
    until?: string,
  ): ContinuingDailyFine & { rule: string } {
    const flag = caseData.continuingDailyFine as { orderDate?: string } | undefined;
    if (!flag?.orderDate)
      throw new DomainError(
        ErrorCode.RULE_VIOLATION,
        'this case does not follow a rectification order (安全生产法 Art.112)',
      );
    if (!p?.decision || p.decision.outcome !== 'DECIDE_PENALTY' || p.decision.fineYuan <= 0) {
      throw new DomainError(
        ErrorCode.STEP_OUT_OF_ORDER,
        'continuing daily fines follow a decided fine (安全生产法 Art.112)',
      );
    }
    const day = until ?? toLocalDate(new Date());
    return {
      rule: '安全生产法 Art.112',
      ...continuingDailyFine({ originalFineYuan: p.decision.fineYuan, orderDate: flag.orderDate, until: day }),
    };
  }

  /** What the party owes on a day: the one rule the workflow also uses (libs/domain amountOwed). */
  amountOwed(p: PenaltyProcedureState, asOf?: string): AmountOwed {
    if (!p.decision || p.decision.outcome !== 'DECIDE_PENALTY' || p.decision.fineYuan <= 0) {
      throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, 'the case has no fine decided');
    }
    const day = asOf ?? toLocalDate(new Date());
    if (!isLocalDate(day)) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'asOf must be a YYYY-MM-DD date');
    const owed = owedOnDay({
      fineYuan: p.decision.fineYuan,
      dueDate: p.payment?.dueDate ?? null,
      payments: p.payment?.payments ?? [],
      challenges: p.challenges,
      asOf: day,
    });
    return {
      asOf: day,
      fineYuan: p.decision.fineYuan,
      dueDate: p.payment?.dueDate ?? null,
      surchargeYuan: fenToYuan(owed.surchargeFen),
      surchargeDays: owed.surchargeDays,
      suspendedDays: owed.suspendedDays,
      capped: owed.capped,
      paidYuan: fenToYuan(owed.paidFen),
      outstandingYuan: fenToYuan(owed.outstandingFen),
      settled: owed.settledOn !== null,
    };
  }
}
