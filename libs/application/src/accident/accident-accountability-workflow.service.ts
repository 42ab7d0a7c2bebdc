import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { AccidentRepository, UnitOfWork } from '@safety/persistence';
import type { AccidentActivities, LinkedCaseAnswer } from '@safety/temporal/accident.activities';
import { AuditService } from '../audit.service';
import { LinkedCaseService } from '../linked-case.service';
import { AccidentGateService } from './accident-gate.service';
import { AccidentService } from './accident.service';

/**
 * The accident workflow's writes for accountability after the 批复 (条例 Art.32) and the 四不放过 gates:
 * linked cases, party outcomes, rectification evidence and its verification. Idempotent on retries.
 */
@Injectable()
export class AccidentAccountabilityWorkflowService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly linkedCases: LinkedCaseService,
    private readonly audit: AuditService,
    private readonly accidents: AccidentService,
    private readonly gateService: AccidentGateService,
  ) {}

  /**
   * Case row of an automatic penalty case or criminal transfer for a responsible party, linked both
   * ways. The database numbers its workflow id (one scheme with the API's own openings, idempotent
   * by link key); older histories chose the id themselves.
   */
  async openLinkedCase(input: Parameters<AccidentActivities['accidentOpenLinkedCase']>[0]): Promise<LinkedCaseAnswer> {
    const { c } = await this.accidents.getCase(input.caseId);
    const party = await this.repo.findParty(input.partyId);
    if (!party) throw new DomainError(ErrorCode.NOT_FOUND, `party ${input.partyId} not found`);
    const opening = {
      caseType: input.kind,
      title: `${input.kind === 'PENALTY' ? '事故责任行政处罚' : '事故涉嫌犯罪移送'}：${party.name}`.slice(0, 200),
      departmentId: c.departmentId,
      enterpriseId: party.enterpriseId,
      createdBy: input.actorId,
      handlerIds: [],
      sourceCaseId: input.caseId,
      data: { origin: 'ACCIDENT', partyId: party.id },
    };
    const linked =
      input.workflowId === undefined
        ? await this.linkedCases.openLinked({ ...opening, linkKey: input.linkKey })
        : await this.linkedCases.createLinked({ ...opening, workflowId: input.workflowId }).then((row) => ({
            caseId: row.id,
            workflowId: row.workflowId,
            openedAt: row.createdAt.toISOString(),
          }));
    if (party.linkedCaseId !== linked.caseId) {
      await this.uow.transaction(async (tx) => {
        await this.repo.updateParty(party.id, { linkedCaseId: linked.caseId }, tx);
        await this.audit.record(
          {
            caseId: input.caseId,
            actorId: input.actorId,
            action: 'ACCOUNTABILITY_CASE_OPENED',
            summary: { partyId: party.id, linkedCaseId: linked.caseId, caseType: input.kind },
          },
          tx,
        );
      });
    }
    return {
      caseId: linked.caseId,
      workflowId: linked.workflowId,
      departmentId: c.departmentId,
      enterpriseId: party.enterpriseId,
      openedAt: linked.openedAt,
    };
  }

  async recordPartyOutcome(input: {
    partyId: string;
    outcome: string;
    detail: Record<string, unknown>;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const p = await this.repo.findParty(input.partyId, tx);
      if (!p) throw new DomainError(ErrorCode.NOT_FOUND, `party ${input.partyId} not found`);
      if (p.outcome === input.outcome) return;
      await this.repo.updateParty(
        p.id,
        { outcome: input.outcome, outcomeDetail: input.detail as never, outcomeRecordedAt: new Date() },
        tx,
      );
      // The outcome of a referred official stays with the discipline body and the sender: the case record only notes that it came back.
      const official = p.kind === 'PUBLIC_OFFICIAL';
      await this.audit.record(
        {
          caseId: p.caseId,
          actorId: (input.detail.actorId as string | undefined) ?? null,
          action: 'RESPONSIBLE_PARTY_HANDLED',
          summary: official
            ? { partyId: p.id, handled: true }
            : { partyId: p.id, before: p.outcome, after: input.outcome, detail: input.detail },
        },
        tx,
      );
    });
  }

  async recordMeasureEvidence(input: {
    measureId: string;
    round: number;
    evidence: Record<string, unknown>;
    actorId: string;
    at: string;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const x = await this.repo.findMeasure(input.measureId, tx);
      if (!x) throw new DomainError(ErrorCode.NOT_FOUND, `measure ${input.measureId} not found`);
      if (
        x.round === input.round &&
        x.status === 'EVIDENCE_SUBMITTED' &&
        x.evidenceBy === input.actorId &&
        x.evidenceAt?.toISOString() === input.at
      )
        return;
      await this.repo.updateMeasure(
        x.id,
        {
          status: 'EVIDENCE_SUBMITTED',
          evidence: input.evidence as never,
          evidenceBy: input.actorId,
          evidenceAt: new Date(input.at),
          verifiedAt: null,
          verifiedBy: null,
        },
        tx,
      );
      await this.audit.record(
        {
          caseId: x.caseId,
          actorId: input.actorId,
          action: 'RECTIFICATION_EVIDENCE_SUBMITTED',
          summary: {
            measureId: x.id,
            seq: x.seq,
            round: input.round,
            before: x.status,
            after: 'EVIDENCE_SUBMITTED',
            evidence: input.evidence,
          },
        },
        tx,
      );
    });
  }

  async recordMeasureVerification(input: {
    measureId: string;
    round: number;
    verified: boolean;
    comment: string | null;
    actorId: string;
    at: string;
  }): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const x = await this.repo.findMeasure(input.measureId, tx);
      if (!x) throw new DomainError(ErrorCode.NOT_FOUND, `measure ${input.measureId} not found`);
      const after = input.verified ? 'VERIFIED' : 'OPEN';
      if (x.status === after && (input.verified ? x.verifiedBy === input.actorId : x.evidenceBy === null)) return;
      await this.repo.updateMeasure(
        x.id,
        input.verified
          ? { status: 'VERIFIED', verifiedBy: input.actorId, verifiedAt: new Date(input.at) }
          : { status: 'OPEN', evidenceBy: null, evidenceAt: null },
        tx,
      );
      await this.audit.record(
        {
          caseId: x.caseId,
          actorId: input.actorId,
          action: input.verified ? 'RECTIFICATION_VERIFIED' : 'RECTIFICATION_REJECTED',
          summary: { measureId: x.id, seq: x.seq, round: input.round, before: x.status, after, comment: input.comment },
        },
        tx,
      );
    });
  }

  /** At closure: the gates, with every outcome read from a linked case or referral written to the party's record. */
  async evaluateGates(caseId: string): Promise<{ closable: boolean; missing: string[] }> {
    const g = await this.gateService.gates(caseId);
    for (const p of g.parties) {
      if (p.recordedOutcome === 'PENDING' && p.outcome !== 'PENDING') {
        await this.recordPartyOutcome({
          partyId: p.id,
          outcome: p.outcome,
          detail: {
            source: p.linkedCase ? { caseId: p.linkedCase.id, status: p.linkedCase.status } : 'DISCIPLINE_REFERRAL',
          },
        });
      }
    }
    return { closable: g.closable, missing: g.missing };
  }
}
