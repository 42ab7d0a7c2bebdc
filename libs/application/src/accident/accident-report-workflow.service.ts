import { Injectable } from '@nestjs/common';
import { InvestigationReportProposal } from '@safety/domain/accident';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { AccidentRepository, UnitOfWork } from '@safety/persistence';
import type { SavedReport } from '@safety/temporal/accident.activities';
import { AuditService } from '../audit.service';

/**
 * The accident workflow's writes for the investigation report and its 批复 (条例 Art.32), each
 * idempotent by case and report version.
 */
@Injectable()
export class AccidentReportWorkflowService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly audit: AuditService,
  ) {}

  async saveReport(input: {
    caseId: string;
    version: number;
    report: InvestigationReportProposal;
    submittedBy: string;
    submittedAt: string;
  }): Promise<SavedReport> {
    return this.uow.transaction(async (tx) => {
      const existing = await this.repo.findReport(input.caseId, input.version, tx);
      if (!existing) {
        const r = input.report;
        await this.repo.insertReport(
          {
            caseId: input.caseId,
            version: input.version,
            status: 'SUBMITTED',
            directCauses: r.directCauses,
            indirectCauses: r.indirectCauses,
            summary: r.summary,
            educationMeasures: r.educationMeasures,
            findsNoResponsibleParty: r.findsNoResponsibleParty,
            submittedBy: input.submittedBy,
            submittedAt: new Date(input.submittedAt),
          },
          tx,
        );
        for (const [i, p] of r.responsibleParties.entries()) {
          await this.repo.insertParty(
            {
              caseId: input.caseId,
              reportVersion: input.version,
              seq: i + 1,
              kind: p.kind,
              name: p.name,
              enterpriseId: p.enterpriseId,
              organisation: p.organisation,
              position: p.position,
              idNumber: p.idNumber,
              responsibility: p.responsibility,
              proposedHandling: p.proposedHandling,
              handlingDetail: p.handlingDetail,
              outcome: 'PENDING',
              outcomeDetail: {},
            },
            tx,
          );
        }
        for (const [i, x] of r.rectificationMeasures.entries()) {
          await this.repo.insertMeasure(
            {
              caseId: input.caseId,
              reportVersion: input.version,
              seq: i + 1,
              description: x.description,
              owner: x.owner,
              dueDate: x.dueDate,
              status: 'OPEN',
              round: 1,
              evidence: {},
            },
            tx,
          );
        }
        await this.audit.record(
          {
            caseId: input.caseId,
            actorId: input.submittedBy,
            action: 'INVESTIGATION_REPORT_SUBMITTED',
            summary: {
              version: input.version,
              parties: r.responsibleParties.length,
              measures: r.rectificationMeasures.length,
              findsNoResponsibleParty: r.findsNoResponsibleParty,
            },
          },
          tx,
        );
      }
      const parties = await this.repo.listParties(input.caseId, input.version, tx);
      const measures = await this.repo.listMeasures(input.caseId, input.version, tx);
      return {
        parties: parties.map((p) => ({
          id: p.id,
          seq: p.seq,
          kind: p.kind,
          proposedHandling: p.proposedHandling,
          name: p.name,
          enterpriseId: p.enterpriseId,
          responsibility: p.responsibility,
          handlingDetail: p.handlingDetail,
        })),
        measures: measures.map((x) => ({ id: x.id, seq: x.seq, dueDate: x.dueDate })),
      };
    });
  }

  /** 批复 (条例 Art.32). On approval the report is published (条例 Art.34, 安全生产法 Art.86). */
  async decideReport(input: {
    caseId: string;
    version: number;
    decision: 'APPROVE' | 'RETURN';
    actorId: string;
    comment: string | null;
    decidedAt: string;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const r = await this.repo.findReport(input.caseId, input.version, tx);
      if (!r) throw new DomainError(ErrorCode.NOT_FOUND, `report v${input.version} not found`);
      if (r.status !== 'SUBMITTED') return;
      const at = new Date(input.decidedAt);
      const status = input.decision === 'APPROVE' ? 'APPROVED' : 'RETURNED';
      await this.repo.updateReport(
        r.id,
        {
          status,
          decidedBy: input.actorId,
          decidedAt: at,
          decisionComment: input.comment,
          publishedAt: status === 'APPROVED' ? at : null,
        },
        tx,
      );
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.actorId,
          action: status === 'APPROVED' ? 'INVESTIGATION_REPORT_APPROVED' : 'INVESTIGATION_REPORT_RETURNED',
          summary: { version: input.version, comment: input.comment, before: 'SUBMITTED', after: status },
        },
        tx,
      );
      if (status === 'APPROVED')
        await this.audit.record(
          {
            caseId: input.caseId,
            actorId: input.actorId,
            action: 'INVESTIGATION_REPORT_PUBLISHED',
            summary: { version: input.version },
          },
          tx,
        );
    });
  }
}
