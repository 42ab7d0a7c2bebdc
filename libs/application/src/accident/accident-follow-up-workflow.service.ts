import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { AccidentRepository, UnitOfWork } from '@safety/persistence';
import { AuditService } from '../audit.service';

/**
 * The accident workflow's writes after the case's main line: the one-year evaluation (安委办〔2021〕4号;
 * 安全生产法 Art.86) and 挂牌督办. Idempotent on retries.
 */
@Injectable()
export class AccidentFollowUpWorkflowService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly audit: AuditService,
  ) {}

  async openEvaluation(input: { caseId: string; openedAt: string }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      if (await this.repo.findEvaluation(input.caseId, tx)) return;
      await this.repo.insertEvaluation(
        { caseId: input.caseId, openedAt: new Date(input.openedAt), teamIds: [], slippedMeasureIds: [] },
        tx,
      );
      await this.audit.record(
        {
          caseId: input.caseId,
          action: 'ONE_YEAR_EVALUATION_OPENED',
          summary: { openedAt: input.openedAt, basis: '安全生产法 Art.86; 安委办〔2021〕4号' },
        },
        tx,
      );
    });
  }

  /** Records and publishes the evaluation; 回头看: measures found to have slipped are reopened. */
  async recordEvaluation(input: {
    caseId: string;
    teamIds: string[];
    findings: string;
    slippedMeasureIds: string[];
    actorId: string;
    at: string;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const ev = await this.repo.findEvaluation(input.caseId, tx);
      if (!ev) throw new DomainError(ErrorCode.NOT_FOUND, 'the evaluation is not open');
      if (ev.completedAt) return;
      const at = new Date(input.at);
      await this.repo.updateEvaluation(
        input.caseId,
        {
          completedAt: at,
          completedBy: input.actorId,
          teamIds: input.teamIds,
          findings: input.findings,
          slippedMeasureIds: input.slippedMeasureIds,
          publishedAt: at,
        },
        tx,
      );
      for (const id of input.slippedMeasureIds) {
        const x = await this.repo.findMeasure(id, tx, input.caseId);
        if (!x) continue;
        await this.repo.updateMeasure(
          id,
          {
            status: 'REOPENED',
            round: x.round + 1,
            verifiedAt: null,
            verifiedBy: null,
            evidenceBy: null,
            evidenceAt: null,
          },
          tx,
        );
        await this.audit.record(
          {
            caseId: input.caseId,
            actorId: input.actorId,
            action: 'RECTIFICATION_REOPENED',
            summary: { measureId: id, seq: x.seq, before: x.status, after: 'REOPENED', round: x.round + 1 },
          },
          tx,
        );
      }
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.actorId,
          action: 'ONE_YEAR_EVALUATION_PUBLISHED',
          summary: { teamIds: input.teamIds, slippedMeasures: input.slippedMeasureIds.length },
        },
        tx,
      );
    });
  }

  async recordListing(input: {
    caseId: string;
    listedBy: string;
    listedByDepartmentId: string;
    noticeNo: string;
    listedOn: string;
    deadlineDays: number;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      if (await this.repo.findListing(input.caseId, tx)) return;
      await this.repo.insertListing({ ...input }, tx);
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.listedBy,
          action: 'SUPERVISED_LISTING_RECEIVED',
          summary: {
            noticeNo: input.noticeNo,
            listedOn: input.listedOn,
            deadlineDays: input.deadlineDays,
            listedByDepartmentId: input.listedByDepartmentId,
          },
        },
        tx,
      );
    });
  }

  async completeListing(input: { caseId: string; at: string; actorId: string }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const l = await this.repo.findListing(input.caseId, tx);
      if (!l || l.completedAt) return;
      await this.repo.updateListing(input.caseId, { completedAt: new Date(input.at) }, tx);
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.actorId,
          action: 'SUPERVISED_LISTING_COMPLETED',
          summary: { noticeNo: l.noticeNo },
        },
        tx,
      );
    });
  }
}
