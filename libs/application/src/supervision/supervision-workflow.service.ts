import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import {
  CaseEntity,
  SummonsEntity,
  SupervisionItemEntity,
  SupervisionRepository,
  TaskRepository,
  Transaction,
  UnitOfWork,
} from '@safety/persistence';
import type { LinkedCase } from '@safety/temporal/activities';
import type { SummonsInput } from '@safety/temporal/contracts/supervision.contract';
import type { SupervisionActivities } from '@safety/temporal/supervision.activities';
import { AuditService } from '../audit.service';
import { LinkedCaseService } from '../linked-case.service';
import { SupervisionIntakeService } from './supervision-intake.service';
import { SupervisionPolicyService } from './supervision-policy.service';

type Input<Name extends keyof SupervisionActivities> = Parameters<SupervisionActivities[Name]>[0];

/** Steps of an item that only make sense while it is open: withdrawn when it closes. */
const OPEN_ONLY_STEPS = ['SUPERVISION_PROGRESS_REPORT', 'SUPERVISION_MILESTONE'];

/**
 * The supervision and summons workflows' writes. Each is idempotent (a retried activity finds its
 * own earlier write) and audited on the item's or the summons's record.
 */
@Injectable()
export class SupervisionWorkflowService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: SupervisionRepository,
    private readonly tasks: TaskRepository,
    private readonly linkedCases: LinkedCaseService,
    private readonly intake: SupervisionIntakeService,
    private readonly policies: SupervisionPolicyService,
    private readonly audit: AuditService,
  ) {}

  private item<T>(itemId: string, write: (item: SupervisionItemEntity, tx: Transaction) => Promise<T>) {
    return this.uow.transaction(async (tx) => {
      const item = await this.repo.lockItem(itemId, tx);
      // Retryable: the workflow can start before the transaction that created the item commits.
      if (!item)
        throw new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, `supervision item ${itemId} is not visible yet`);
      return write(item, tx);
    });
  }

  private summons<T>(summonsId: string, write: (summons: SummonsEntity, tx: Transaction) => Promise<T>) {
    return this.uow.transaction(async (tx) => {
      const summons = await this.repo.findSummons(summonsId, tx);
      if (!summons) throw new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, `summons ${summonsId} is not visible yet`);
      return write(summons, tx);
    });
  }

  private record(
    caseId: string,
    action: string,
    actorId: string | null,
    summary: Record<string, unknown>,
    tx: Transaction,
  ) {
    return this.audit.record({ caseId, actorId, action, summary }, tx);
  }

  recordReport(input: Input<'supervisionRecordReport'>): Promise<void> {
    return this.item(input.itemId, async (item, tx) => {
      const dueAt = await this.repo.taskDueAt(input.taskKey, tx);
      const onTime = dueAt === null || new Date(input.at) <= dueAt;
      const inserted = await this.repo.insertReport(
        {
          itemId: item.id,
          departmentId: input.departmentId,
          period: input.period,
          progress: input.progress,
          percentComplete: input.percentComplete,
          onTime,
          reportedBy: input.actorId,
          reportedAt: new Date(input.at),
        },
        tx,
      );
      if (!inserted) return;
      await this.record(
        item.caseId,
        'SUPERVISION_REPORTED',
        input.actorId,
        { itemId: item.id, departmentId: input.departmentId, period: input.period, onTime },
        tx,
      );
    });
  }

  recordMilestone(input: Input<'supervisionRecordMilestone'>): Promise<void> {
    return this.item(input.itemId, async (item, tx) => {
      const milestone = item.milestones.find((entry) => entry.index === input.index);
      if (!milestone) throw new DomainError(ErrorCode.NOT_FOUND, `milestone ${input.index} not found`);
      if (milestone.outcome) return;
      const milestones = item.milestones.map((entry) =>
        entry.index === input.index
          ? {
              ...entry,
              outcome: input.outcome,
              note: input.note,
              checkedAt: input.at,
              summonsCaseId: input.summonsCaseId,
            }
          : entry,
      );
      await this.repo.updateItem(item.id, { milestones }, tx);
      await this.record(
        item.caseId,
        input.outcome === 'MET' ? 'SUPERVISION_MILESTONE_MET' : 'SUPERVISION_MILESTONE_SUMMONED',
        input.actorId,
        { itemId: item.id, index: input.index, summonsCaseId: input.summonsCaseId },
        tx,
      );
    });
  }

  /** 约谈 from an overdue milestone: the summons case linked to the item (idempotent by link key) and its record. */
  async openSummons(input: Input<'supervisionOpenSummons'>): Promise<LinkedCase & { input: SummonsInput }> {
    const found = await this.repo.findItem(input.itemId);
    if (!found) throw new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, `supervision item ${input.itemId} not visible`);
    const policy = await this.policies.effectivePolicy(found.issuerDepartmentId);
    return this.item(input.itemId, async (item, tx) => {
      const c = await this.linkedCases.openLinkedCase(
        {
          linkKey: input.linkKey,
          caseType: 'SUMMONS',
          title: `约谈：${input.summons.targetName}`,
          sourceCaseId: item.caseId,
          departmentId: item.issuerDepartmentId,
          enterpriseId: null,
          createdBy: input.actorId,
          handlerIds: [],
          data: { supervisionItemId: item.id, milestoneIndex: input.milestoneIndex },
        },
        tx,
      );
      const summons = (await this.repo.findSummonsByCase(c.id, tx)) ?? (await this.opened(item, c, input, tx));
      return {
        caseId: c.id,
        workflowId: c.workflowId,
        openedAt: c.createdAt.toISOString(),
        input: {
          caseId: c.id,
          summonsId: summons.id,
          departmentId: summons.departmentId,
          scheduledOn: summons.scheduledOn,
          policy,
        },
      };
    });
  }

  private async opened(
    item: SupervisionItemEntity,
    c: CaseEntity,
    input: Input<'supervisionOpenSummons'>,
    tx: Transaction,
  ): Promise<SummonsEntity> {
    const from = { itemId: item.id, milestoneIndex: input.milestoneIndex };
    const summons = await this.intake.insertSummons(c, input.summons, from, input.actorId, tx);
    const summary = { summonsId: summons.id, supervisionItemId: item.id, targetKind: summons.targetKind };
    await this.record(c.id, 'SUMMONS_OPENED', input.actorId, summary, tx);
    return summons;
  }

  recordCompletion(input: Input<'supervisionRecordCompletion'>): Promise<void> {
    return this.item(input.itemId, async (item, tx) => {
      if (item.completion.some((entry) => entry.round === input.round && entry.stage === input.stage)) return;
      const completion = [
        ...item.completion,
        { round: input.round, stage: input.stage, note: input.note, by: input.actorId, at: input.at },
      ];
      const status = input.stage === 'PROPOSED' ? 'COMPLETION_PROPOSED' : 'IN_PROGRESS';
      await this.repo.updateItem(item.id, { completion, status }, tx);
      await this.record(
        item.caseId,
        `SUPERVISION_COMPLETION_${input.stage}`,
        input.actorId,
        { itemId: item.id, round: input.round },
        tx,
      );
    });
  }

  /** 销号: closed; the reports and milestone checks still open leave the inboxes (audited as cancelled). */
  close(input: Input<'supervisionClose'>): Promise<void> {
    return this.item(input.itemId, async (item, tx) => {
      for (const task of await this.tasks.listForCase(item.caseId)) {
        if (!OPEN_ONLY_STEPS.includes(task.type) || (task.status !== 'OPEN' && task.status !== 'CLAIMED')) continue;
        if (await this.tasks.transition(task.id, ['OPEN', 'CLAIMED'], { status: 'CANCELLED' }, tx))
          await this.audit.record(
            {
              caseId: task.caseId,
              taskId: task.id,
              action: 'TASK_CANCELLED',
              summary: { type: task.type, before: task.status, after: 'CANCELLED', reason: 'the item was closed' },
            },
            tx,
          );
      }
      if (item.closedAt) return;
      await this.repo.updateItem(item.id, { status: 'CLOSED', closedAt: new Date(input.at) }, tx);
    });
  }

  recordMinutes(input: Input<'summonsRecordMinutes'>): Promise<void> {
    return this.summons(input.summonsId, async (summons, tx) => {
      if (summons.heldOn) return;
      await this.repo.updateSummons(
        summons.id,
        { heldOn: input.heldOn, attendeesPresent: input.attendees, minutes: input.minutes, status: 'RECTIFYING' },
        tx,
      );
      await this.repo.insertCommitments(
        input.commitments.map((commitment, index) => ({
          summonsId: summons.id,
          index,
          content: commitment.content,
          responsible: commitment.responsible,
          deadline: commitment.deadline,
          status: 'OPEN',
          verifications: [],
        })),
        tx,
      );
      await this.record(
        summons.caseId,
        'SUMMONS_MINUTES_RECORDED',
        input.actorId,
        { summonsId: summons.id, heldOn: input.heldOn, commitments: input.commitments.length },
        tx,
      );
    });
  }

  recordVerification(input: Input<'summonsRecordVerification'>): Promise<void> {
    return this.summons(input.summonsId, async (summons, tx) => {
      const commitment = (await this.repo.commitmentsOf(summons.id, tx)).find((row) => row.index === input.index);
      if (!commitment) throw new DomainError(ErrorCode.NOT_FOUND, `commitment ${input.index} not found`);
      if (commitment.verifications.some((entry) => entry.round === input.round)) return;
      const verifications = [
        ...commitment.verifications,
        { round: input.round, verified: input.verified, findings: input.findings, by: input.actorId, at: input.at },
      ];
      await this.repo.updateCommitment(
        commitment.id,
        {
          verifications,
          status: input.verified ? 'VERIFIED' : 'OPEN',
          deadline: input.newDeadline ?? commitment.deadline,
          verifiedAt: input.verified ? new Date(input.at) : null,
        },
        tx,
      );
      await this.record(
        summons.caseId,
        input.verified ? 'SUMMONS_COMMITMENT_VERIFIED' : 'SUMMONS_COMMITMENT_NOT_MET',
        input.actorId,
        { summonsId: summons.id, index: input.index, round: input.round, newDeadline: input.newDeadline },
        tx,
      );
    });
  }

  recordPublication(input: Input<'summonsRecordPublication'>): Promise<void> {
    return this.summons(input.summonsId, async (summons, tx) => {
      if (summons.publication) return;
      const publication = { publishedOn: input.publishedOn, channel: input.channel, summary: input.summary };
      await this.repo.updateSummons(summons.id, { publication }, tx);
      await this.record(
        summons.caseId,
        'SUMMONS_PUBLISHED',
        input.actorId,
        { summonsId: summons.id, ...publication },
        tx,
      );
    });
  }

  closeSummons(input: Input<'summonsClose'>): Promise<void> {
    return this.summons(input.summonsId, async (summons, tx) => {
      if (summons.closedAt) return;
      await this.repo.updateSummons(summons.id, { status: 'CLOSED', closedAt: new Date(input.at) }, tx);
    });
  }
}
