import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  assertSummonsDate,
  assertSupervisionItem,
  maySeeSupervisionItem,
  supervisionParticipants,
  ReportingFrequency,
  SupervisionBasisKind,
  SupervisionMilestone,
  SummonsTargetKind,
} from '@safety/domain/supervision';
import {
  AttachmentEntity,
  CaseEntity,
  CaseRepository,
  SummonsEntity,
  SupervisionItemEntity,
  SupervisionRepository,
  Transaction,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService } from '../audit.service';
import { CaseEvidenceService, EvidenceFile } from '../case-evidence.service';
import { CaseService } from '../case.service';

export interface NewSupervisionItem {
  title: string;
  description: string;
  basis: { kind: SupervisionBasisKind; reference: string; caseId?: string | null };
  leadDepartmentId: string;
  coResponsibleDepartmentIds: string[];
  deadline: string;
  milestones: SupervisionMilestone[];
  reportingFrequency: ReportingFrequency;
}

export interface NewSummons {
  targetKind: SummonsTargetKind;
  targetName: string;
  principalName: string;
  reason: string;
  basis: string;
  scheduledOn: string;
  attendees: Array<{ name: string; position: string }>;
}

const invalid = (path: string, message: string) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, message, { fields: [{ path, message }] });

/**
 * Opening supervision items (督办) and summonses (约谈): by the head of an issuing body (an 安委会
 * 办公室, a department), as case rows with their own records beside them. Their workflows are
 * started by the caller once the rows are committed.
 */
@Injectable()
export class SupervisionIntakeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: SupervisionRepository,
    private readonly cases: CaseRepository,
    private readonly caseService: CaseService,
    private readonly evidence: CaseEvidenceService,
    private readonly audit: AuditService,
  ) {}

  private assertHead(actor: Actor, what: string): void {
    if (!hasAnyRole(actor, [Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, `only the head of the issuing body ${what}`);
  }

  async createItem(
    actor: Actor,
    input: NewSupervisionItem,
    requestId?: string,
  ): Promise<{ item: SupervisionItemEntity; c: CaseEntity }> {
    this.assertHead(actor, 'creates a supervision item');
    const today = toLocalDate(new Date());
    assertSupervisionItem({ ...input, issuerDepartmentId: actor.departmentId }, today);
    const named = [input.leadDepartmentId, ...input.coResponsibleDepartmentIds];
    const known = new Map((await this.repo.departmentsIn(named)).map((row) => [row.id, row.kind]));
    named.forEach((id, index) => {
      const path = index === 0 ? 'leadDepartmentId' : `coResponsibleDepartmentIds.${index - 1}`;
      if (!known.has(id)) throw invalid(path, 'not a department of the directory');
      if (known.get(id) === 'DISCIPLINE') throw invalid(path, 'a discipline body is not a responsible department');
    });
    if (input.basis.caseId) await this.caseService.getVisible(actor, input.basis.caseId);
    return this.uow.transaction(async (tx) => {
      const caseId = randomUUID();
      const c = await this.cases.insert(
        {
          id: caseId,
          caseType: 'SUPERVISION',
          title: `督办：${input.title}`,
          status: 'IN_PROGRESS',
          departmentId: actor.departmentId,
          enterpriseId: null,
          workflowId: `supervision-${caseId}`,
          createdBy: actor.userId,
          handlerIds: [],
          // The lead and co-responsible departments read the case beside their steps' forms (GET /tasks/{id}).
          data: {
            participantDepartmentIds: supervisionParticipants({ ...input, issuerDepartmentId: actor.departmentId }),
          },
        },
        tx,
      );
      const item = await this.repo.insertItem(
        {
          caseId,
          issuerDepartmentId: actor.departmentId,
          leadDepartmentId: input.leadDepartmentId,
          coResponsibleDepartmentIds: input.coResponsibleDepartmentIds,
          title: input.title,
          description: input.description,
          basisKind: input.basis.kind,
          basisReference: input.basis.reference,
          basisCaseId: input.basis.caseId ?? null,
          startDate: today,
          deadline: input.deadline,
          frequency: input.reportingFrequency,
          milestones: input.milestones.map((milestone, index) => ({
            index,
            title: milestone.title,
            dueDate: milestone.dueDate,
            outcome: null,
            note: null,
            checkedAt: null,
            summonsCaseId: null,
          })),
          completion: [],
          status: 'IN_PROGRESS',
          createdBy: actor.userId,
        },
        tx,
      );
      await this.audit.record(
        {
          caseId,
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'SUPERVISION_CREATED',
          requestId,
          summary: {
            itemId: item.id,
            leadDepartmentId: item.leadDepartmentId,
            coResponsibleDepartmentIds: item.coResponsibleDepartmentIds,
            deadline: item.deadline,
            milestones: item.milestones.length,
            frequency: item.frequency,
            after: 'IN_PROGRESS',
          },
        },
        tx,
      );
      return { item, c };
    });
  }

  /** A summons opened directly by the head of the department that summons (not from a supervision item). */
  async createSummons(
    actor: Actor,
    input: NewSummons,
    requestId?: string,
  ): Promise<{ summons: SummonsEntity; c: CaseEntity }> {
    this.assertHead(actor, 'opens a summons');
    assertSummonsDate(input.scheduledOn, toLocalDate(new Date()));
    return this.uow.transaction(async (tx) => {
      const caseId = randomUUID();
      const c = await this.cases.insert(
        {
          id: caseId,
          caseType: 'SUMMONS',
          title: `约谈：${input.targetName}`,
          status: 'SCHEDULED',
          departmentId: actor.departmentId,
          enterpriseId: null,
          workflowId: `summons-${caseId}`,
          createdBy: actor.userId,
          handlerIds: [],
          data: {},
        },
        tx,
      );
      const summons = await this.insertSummons(c, input, { itemId: null, milestoneIndex: null }, actor.userId, tx);
      await this.audit.record(
        {
          caseId,
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'SUMMONS_OPENED',
          requestId,
          summary: { summonsId: summons.id, targetKind: input.targetKind, after: 'SCHEDULED' },
        },
        tx,
      );
      return { summons, c };
    });
  }

  /** Evidence for a report or the consolidation, uploaded by any department that takes part in the item. */
  async attach(actor: Actor, itemId: string, file: EvidenceFile, requestId?: string): Promise<AttachmentEntity> {
    const item = await this.repo.findItem(itemId);
    if (!item) throw new DomainError(ErrorCode.NOT_FOUND, `supervision item ${itemId} not found`);
    if (!maySeeSupervisionItem(actor.visibleDepartmentIds, item))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'your department takes no part in this supervision item');
    const prepared = await this.evidence.prepareEvidence({ ...file, kind: 'FILE' });
    const uploader = { userId: actor.userId, role: actor.roles[0] };
    return this.uow.transaction((tx) => this.evidence.storeEvidence(item.caseId, uploader, prepared, tx, requestId));
  }

  /** The summons row beside its case row (also for one opened by a supervision item's workflow). */
  insertSummons(
    c: CaseEntity,
    input: NewSummons,
    from: { itemId: string | null; milestoneIndex: number | null },
    actorId: string,
    tx: Transaction,
  ): Promise<SummonsEntity> {
    return this.repo.insertSummons(
      {
        caseId: c.id,
        departmentId: c.departmentId,
        supervisionItemId: from.itemId,
        milestoneIndex: from.milestoneIndex,
        targetKind: input.targetKind,
        targetName: input.targetName,
        principalName: input.principalName,
        reason: input.reason,
        basis: input.basis,
        scheduledOn: input.scheduledOn,
        attendees: input.attendees,
        status: 'SCHEDULED',
        createdBy: actorId,
      },
      tx,
    );
  }
}
