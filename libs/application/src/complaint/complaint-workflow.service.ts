import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { inspectionPolicy } from '@safety/domain/inspection/policy';
import {
  CaseEntity,
  CaseRepository,
  ComplaintEntity,
  ComplaintRepository,
  OrganisationRepository,
  Transaction,
  UnitOfWork,
} from '@safety/persistence';
import type { LinkedCase } from '@safety/temporal/activities';
import type { ComplaintActivities } from '@safety/temporal/complaint.activities';
import type { ComplaintInspector, ComplaintTransferAnswer } from '@safety/temporal/contracts/complaint.contract';
import type { InspectionInput } from '@safety/temporal/contracts/inspection.contract';
import type { PenaltyCaseInput } from '@safety/temporal/contracts/penalty-case.contract';
import { AuditService } from '../audit.service';
import { LinkedCaseService } from '../linked-case.service';
import { ComplaintPolicyService } from './complaint-policy.service';

/** What a linked case's opener answers the workflow, and the part of its workflow's input every case type shares. */
const linkedAnswer = (opened: CaseEntity, enterpriseId: string, createdBy: string) => ({
  caseId: opened.id,
  workflowId: opened.workflowId,
  openedAt: opened.createdAt.toISOString(),
  input: {
    caseId: opened.id,
    departmentId: opened.departmentId,
    enterpriseId,
    createdBy,
    openedAt: opened.createdAt.toISOString(),
  },
});

/**
 * The complaint workflow's writes: acceptance, merge, transfer, inspection, verification, result,
 * feedback, reward and closing. Each is idempotent (a retried activity finds its own earlier write)
 * and audited on the complaint's record.
 */
@Injectable()
export class ComplaintWorkflowService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: ComplaintRepository,
    private readonly cases: CaseRepository,
    private readonly linkedCases: LinkedCaseService,
    private readonly org: OrganisationRepository,
    private readonly policies: ComplaintPolicyService,
    private readonly audit: AuditService,
  ) {}

  private async within<T>(complaintId: string, write: (complaint: ComplaintEntity, tx: Transaction) => Promise<T>) {
    return this.uow.transaction(async (tx) => {
      const complaint = await this.repo.findById(complaintId, tx);
      // Retryable: the workflow can start before the transaction that opened the complaint commits.
      if (!complaint)
        throw new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, `complaint ${complaintId} is not visible yet`);
      return write(complaint, tx);
    });
  }

  private record(complaint: ComplaintEntity, action: string, actorId: string | null, summary: object, tx: Transaction) {
    return this.audit.record(
      { caseId: complaint.caseId, actorId, action, summary: { complaintId: complaint.id, ...summary } },
      tx,
    );
  }

  recordAcceptance(input: Parameters<ComplaintActivities['complaintRecordAcceptance']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.acceptance) return;
      const acceptance = {
        decision: input.decision,
        reasons: input.reasons,
        explanation: input.explanation,
        by: input.actorId,
        at: input.at,
      };
      await this.repo.update(complaint.id, { acceptance, status: input.decision, handlerIds: input.handlerIds }, tx);
      if (input.handlerIds.length) await this.cases.setHandlers(complaint.caseId, input.handlerIds, tx);
      await this.record(
        complaint,
        input.decision === 'ACCEPTED' ? 'COMPLAINT_ACCEPTED' : 'COMPLAINT_NOT_ACCEPTED',
        input.actorId,
        { reasons: input.reasons, handlerIds: input.handlerIds },
        tx,
      );
    });
  }

  async acceptanceOptions(input: { complaintId: string; departmentId: string }) {
    return {
      transferTargets: await this.repo.transferTargets(input.departmentId),
      mergeTargets: await this.repo.openComplaintIds(input.departmentId, input.complaintId),
    };
  }

  /** 合并办理: the duplicate follows the complaint it is merged into (its informant's lookup shows that one's answer). */
  merge(input: Parameters<ComplaintActivities['complaintMerge']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.mergedIntoId) return;
      const into = await this.repo.findById(input.intoComplaintId, tx);
      if (!into) throw new DomainError(ErrorCode.NOT_FOUND, `complaint ${input.intoComplaintId} not found`);
      await this.repo.update(
        complaint.id,
        { mergedIntoId: into.id, status: 'MERGED', closedAt: new Date(input.at) },
        tx,
      );
      await this.record(complaint, 'COMPLAINT_MERGED', input.actorId, { intoComplaintId: into.id }, tx);
      await this.record(into, 'COMPLAINT_DUPLICATE_MERGED', input.actorId, { duplicateComplaintId: complaint.id }, tx);
    });
  }

  /** 移送: the complaint and its case move to the competent department, whose inbox then holds it; its policy applies. */
  async transfer(input: Parameters<ComplaintActivities['complaintTransfer']>[0]): Promise<ComplaintTransferAnswer> {
    const target = await this.org.findDepartment(input.toDepartmentId);
    if (!target) throw new DomainError(ErrorCode.NOT_FOUND, `department ${input.toDepartmentId} not found`);
    await this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.transfers.some((transfer) => transfer.round === input.round)) return;
      const transfers = [
        ...complaint.transfers,
        {
          round: input.round,
          from: complaint.departmentId,
          to: input.toDepartmentId,
          reason: input.reason,
          at: input.at,
        },
      ];
      await this.repo.update(complaint.id, { departmentId: input.toDepartmentId, transfers, handlerIds: [] }, tx);
      await this.cases.moveToDepartment(complaint.caseId, input.toDepartmentId, tx);
      await this.cases.setHandlers(complaint.caseId, [], tx);
      await this.record(
        complaint,
        'COMPLAINT_TRANSFERRED',
        input.actorId,
        { from: complaint.departmentId, to: input.toDepartmentId, reason: input.reason },
        tx,
      );
    });
    return { departmentId: input.toDepartmentId, policy: await this.policies.effectivePolicy(input.toDepartmentId) };
  }

  /** Who may inspect for the complaint: credentialed officers of its department, without a conflict (回避). */
  async inspectors(complaintId: string): Promise<ComplaintInspector[]> {
    const complaint = await this.repo.findById(complaintId);
    if (!complaint?.enterpriseId) return [];
    return this.repo.inspectors(complaint.departmentId, complaint.enterpriseId);
  }

  /** The complaint's enterprise of the directory, which a case against it needs, and who may act against it. */
  private async againstEnterprise(complaintId: string, what: string) {
    const complaint = await this.repo.findById(complaintId);
    if (!complaint?.enterpriseId)
      throw new DomainError(ErrorCode.RULE_VIOLATION, `${what} needs the enterprise of the directory`);
    const enterpriseId = complaint.enterpriseId;
    const eligible = new Map(
      (await this.repo.inspectors(complaint.departmentId, enterpriseId)).map((officer) => [officer.userId, officer]),
    );
    return { complaint, enterpriseId, eligible };
  }

  /**
   * 核查 by an on-site inspection: the inspection case is opened linked to the complaint (numbered by
   * the database, idempotent by link key) with the chosen inspectors as its handlers; the workflow
   * then starts it and follows it. The inspectors were checked by the workflow against `inspectors`.
   */
  async openInspection(
    input: Parameters<ComplaintActivities['complaintOpenInspection']>[0],
  ): Promise<LinkedCase & { input: InspectionInput }> {
    const { complaint, enterpriseId, eligible } = await this.againstEnterprise(input.complaintId, 'an inspection');
    const inspectors = input.inspectorIds.map((id) => eligible.get(id));
    if (inspectors.some((officer) => !officer))
      throw new DomainError(ErrorCode.RULE_VIOLATION, 'inspectors must be credentialed officers without a conflict');
    const opened = await this.uow.transaction(async (tx) => {
      const c = await this.linkedCases.openLinkedCase(
        {
          linkKey: input.linkKey,
          caseType: 'INSPECTION',
          title: `投诉举报核查：${input.unannounced ? '四不两直' : '现场'}检查`,
          sourceCaseId: complaint.caseId,
          departmentId: complaint.departmentId,
          enterpriseId,
          createdBy: input.actorId,
          handlerIds: input.inspectorIds,
          data: {
            opened: { origin: { kind: 'AD_HOC' }, unannounced: input.unannounced, inspectorIds: input.inspectorIds },
            complaintId: complaint.id,
          },
        },
        tx,
      );
      if (complaint.inspectionCaseId !== c.id) {
        await this.repo.update(complaint.id, { inspectionCaseId: c.id, status: 'UNDER_INSPECTION' }, tx);
        await this.record(
          complaint,
          'COMPLAINT_INSPECTION_OPENED',
          input.actorId,
          { inspectionCaseId: c.id, reason: input.reason },
          tx,
        );
      }
      return c;
    });
    const answer = linkedAnswer(opened, enterpriseId, input.actorId);
    return {
      ...answer,
      input: {
        ...answer.input,
        inspectors: inspectors.map((officer) => officer!),
        unannounced: input.unannounced,
        origin: { kind: 'AD_HOC' },
        policy: inspectionPolicy(),
      },
    };
  }

  recordInspection(input: Parameters<ComplaintActivities['complaintRecordInspection']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.status !== 'UNDER_INSPECTION') return;
      await this.repo.update(complaint.id, { status: 'ACCEPTED' }, tx);
      await this.record(
        complaint,
        'COMPLAINT_INSPECTION_ENDED',
        null,
        { inspectionCaseId: input.inspectionCaseId, result: input.result },
        tx,
      );
    });
  }

  /**
   * 立案查处 from 核查 (the complaint verified true): the penalty case against the complaint's enterprise, opened in the
   * complaint's department and linked to it (numbered by the database, idempotent by link key). Its 承办人 are the
   * complaint's handlers who may act against the enterprise (credentialed, no conflict) when at least two are
   * (行政处罚法 Art.42: two officers with enforcement credentials); otherwise none, and the head designates them.
   */
  async openPenaltyCase(
    input: Parameters<ComplaintActivities['complaintOpenPenaltyCase']>[0],
  ): Promise<LinkedCase & { input: PenaltyCaseInput }> {
    const { complaint, enterpriseId, eligible } = await this.againstEnterprise(input.complaintId, 'a penalty case');
    const credentialedHandlers = complaint.handlerIds.filter((id) => eligible.has(id));
    const handlerIds = credentialedHandlers.length >= 2 ? credentialedHandlers : [];
    const origin = { kind: 'COMPLAINT' as const, sourceCaseId: complaint.caseId };
    const opened = await this.uow.transaction(async (tx) => {
      const c = await this.linkedCases.openLinkedCase(
        {
          linkKey: input.linkKey,
          caseType: 'PENALTY',
          title: `投诉举报立案查处：${complaint.description}`.slice(0, 200),
          sourceCaseId: complaint.caseId,
          departmentId: complaint.departmentId,
          enterpriseId,
          createdBy: input.actorId,
          handlerIds,
          data: { origin, complaintId: complaint.id, findings: complaint.findings },
        },
        tx,
      );
      if (complaint.penaltyCaseId !== c.id) {
        await this.repo.update(complaint.id, { penaltyCaseId: c.id }, tx);
        await this.record(complaint, 'COMPLAINT_PENALTY_CASE_OPENED', input.actorId, { penaltyCaseId: c.id }, tx);
      }
      return c;
    });
    const answer = linkedAnswer(opened, enterpriseId, input.actorId);
    return {
      ...answer,
      input: {
        ...answer.input,
        handlerIds,
        origin,
      },
    };
  }

  recordVerification(input: Parameters<ComplaintActivities['complaintRecordVerification']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.verifiedAt) return;
      await this.repo.update(
        complaint.id,
        {
          verifiedTrue: input.verifiedTrue,
          verifiedGrade: input.grade,
          findings: input.findings,
          verifiedAt: new Date(input.at),
          status: 'VERIFIED',
        },
        tx,
      );
      await this.record(
        complaint,
        'COMPLAINT_VERIFIED',
        input.actorId,
        { verifiedTrue: input.verifiedTrue, grade: input.grade },
        tx,
      );
    });
  }

  recordResult(input: Parameters<ComplaintActivities['complaintRecordResult']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.resultAt) return;
      await this.repo.update(
        complaint.id,
        { result: input.result, resultAt: new Date(input.at), status: 'HANDLED' },
        tx,
      );
      await this.record(complaint, 'COMPLAINT_RESULT_RECORDED', input.actorId, {}, tx);
    });
  }

  /** 反馈: the text the informant reads; on time when given before the feedback task's due instant. */
  recordFeedback(input: Parameters<ComplaintActivities['complaintRecordFeedback']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.feedbackAt) return;
      const dueAt = await this.repo.taskDueAt(input.taskKey, tx);
      const at = new Date(input.at);
      const onTime = dueAt === null || at.getTime() <= dueAt.getTime();
      await this.repo.update(
        complaint.id,
        { feedback: input.feedback, feedbackAt: at, feedbackOnTime: onTime, status: 'ANSWERED' },
        tx,
      );
      await this.record(complaint, 'COMPLAINT_ANSWERED', input.actorId, { method: input.method, onTime }, tx);
    });
  }

  recordReward(input: Parameters<ComplaintActivities['complaintRecordReward']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      const stageKey = `${input.stage}:${input.round}`;
      if (complaint.rewardStatus === stageKey || (complaint.rewardStatus === 'PAID' && input.stage === 'PAID')) return;
      await this.repo.update(
        complaint.id,
        {
          rewardStatus: input.stage === 'PAID' ? 'PAID' : stageKey,
          rewardAmountYuan: input.amountYuan === null ? null : input.amountYuan.toFixed(2),
          rewardPaidAt: input.stage === 'PAID' ? new Date(input.at) : null,
        },
        tx,
      );
      await this.record(
        complaint,
        `COMPLAINT_REWARD_${input.stage}`,
        input.actorId,
        { round: input.round, amountYuan: input.amountYuan, note: input.note },
        tx,
      );
    });
  }

  close(input: Parameters<ComplaintActivities['complaintClose']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.closedAt) return;
      await this.repo.update(complaint.id, { closedAt: new Date(input.at), status: 'CLOSED' }, tx);
    });
  }
}
