import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import { isSimpleProcedureAllowed, PartyType } from '@safety/domain/enforcement';
import {
  assertJointDepartments,
  assertJointTeam,
  criminalTransferPolicy,
  inspectionPolicy,
  JointInspection,
  simplePenaltyPolicy,
} from '@safety/domain/inspection';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import {
  documentPrefix,
  formatReferenceNumber,
  SIMPLE_PENALTY_DECISION_CODE,
} from '@safety/domain/enforcement/document-number';
import {
  CaseEntity,
  CaseRepository,
  InspectionRepository,
  KeysetPage,
  OrganisationRepository,
  PageRequest,
  UnitOfWork,
  UserEntity,
} from '@safety/persistence';
import type {
  CriminalTransferInput,
  InspectionInput,
  OpenLinkedCaseInput,
  RecordCaseEventInput,
  SimplePenaltyInput,
} from '@safety/temporal';
import { workflowIdForCase } from '@safety/temporal/task-queues';
import { AuditService } from '../audit.service';
import { CaseService } from '../case.service';
import { LinkedCaseService } from '../linked-case.service';
import { PenaltyPolicyService } from '../enforcement/penalty-policy.service';

export const INSPECTION_CASE_TYPES = {
  INSPECTION: 'INSPECTION',
  SIMPLE_PENALTY: 'SIMPLE_PENALTY',
  CRIMINAL_TRANSFER: 'CRIMINAL_TRANSFER',
} as const;
export type InspectionAreaCaseType = keyof typeof INSPECTION_CASE_TYPES;

export interface OpenInspection {
  enterpriseId?: string | null;
  drawTargetId?: string | null;
  inspectorIds?: string[];
  unannounced?: boolean;
  /** 联合检查 (partners) or 交叉检查 (the visiting department); absent: the department inspects alone. */
  mode?: 'SINGLE' | 'JOINT' | 'CROSS';
  partnerDepartmentIds?: string[];
}

const JOINT_TITLE = { JOINT: '联合', CROSS: '交叉' } as const;

export interface SimplePenaltyDecision {
  partyType: PartyType;
  enterpriseId?: string | null;
  partyName?: string | null;
  violation: string;
  legalBasis: string;
  warningOnly?: boolean;
  fineYuan?: number;
  paymentMethod: 'CASH_ON_SPOT' | 'BANK_TRANSFER' | 'NONE';
  officerIds?: string[];
}

export interface ProposeTransfer {
  sourceCaseId: string;
  teamIds: string[];
  suspectedOffence: string;
  grounds: string[];
}

/** Where a proposed transfer goes: to the penalty case's workflow, or a transfer case opened for the API to start. */
export type TransferProposal =
  | { via: 'PENALTY_CASE'; source: CaseEntity }
  | { via: 'LINKED_CASE'; created: CaseEntity; workflowInput: CriminalTransferInput };

/**
 * Inspection cases, 简易程序 decisions and criminal transfers: the synchronous checks and rows
 * behind each workflow start, plus the idempotent writes the workflows' activities make.
 */
@Injectable()
export class InspectionCaseService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: InspectionRepository,
    private readonly org: OrganisationRepository,
    private readonly cases: CaseService,
    private readonly linkedCases: LinkedCaseService,
    private readonly caseRows: CaseRepository,
    private readonly audit: AuditService,
    private readonly policies: PenaltyPolicyService,
  ) {}

  /**
   * ≥ 2 distinct, active, credentialed enforcement officers of the department (行政处罚法 Art.42; 国务院令第310号
   * Art.5), or of one of the departments of a joint or cross inspection.
   */
  private async credentialedTeam(departmentId: string | string[], ids: string[], what: string): Promise<UserEntity[]> {
    const departments = typeof departmentId === 'string' ? [departmentId] : departmentId;
    const unique = [...new Set(ids)];
    if (unique.length !== ids.length)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `${what}: an officer is listed twice`);
    if (unique.length < 2)
      throw new DomainError(
        ErrorCode.RULE_VIOLATION,
        `${what} needs at least two enforcement officers (行政处罚法 Art.42)`,
      );
    const users = await this.repo.usersByIds(unique);
    for (const id of unique) {
      const u = users.find((x) => x.id === id);
      if (!u || !u.active) throw new DomainError(ErrorCode.NOT_FOUND, `officer ${id} not found`, { officerId: id });
      if (!departments.includes(u.departmentId))
        throw new DomainError(
          ErrorCode.RULE_VIOLATION,
          departments.length > 1
            ? `officer ${id} is not in your department or a partner department`
            : `officer ${id} is not in your department`,
          { officerId: id },
        );
      if (!u.roles.includes(Role.ENFORCEMENT_OFFICER))
        throw new DomainError(ErrorCode.RULE_VIOLATION, `user ${id} is not an enforcement officer`, { officerId: id });
      if (!u.credentialNo)
        throw new DomainError(ErrorCode.RULE_VIOLATION, `officer ${id} holds no enforcement credential (持证上岗)`, {
          officerId: id,
        });
    }
    return unique.map((id) => users.find((x) => x.id === id)!);
  }

  // ---- inspections ----

  /** Creates the inspection case (and claims the draw target) in one transaction; returns the workflow input. */
  async openInspection(
    actor: Actor,
    input: OpenInspection,
    requestId?: string,
  ): Promise<{ created: CaseEntity; workflowInput: InspectionInput }> {
    if (!hasAnyRole(actor, [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only enforcement officers and heads open inspections');
    let enterpriseId = input.enterpriseId ?? null;
    let inspectorIds = input.inspectorIds ?? [];
    let origin: InspectionInput['origin'] = { kind: 'AD_HOC' };
    if (input.drawTargetId) {
      const target = await this.repo.findTarget(input.drawTargetId);
      if (!target) throw new DomainError(ErrorCode.NOT_FOUND, `draw target ${input.drawTargetId} not found`);
      const draw = (await this.repo.findDraw(target.drawId))!;
      if (draw.departmentId !== actor.departmentId)
        throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this draw belongs to another department');
      if (enterpriseId && enterpriseId !== target.enterpriseId)
        throw new DomainError(ErrorCode.RULE_VIOLATION, 'the enterprise differs from the drawn target');
      // 双随机: the drawn inspectors inspect; a different team would defeat the draw.
      if (input.inspectorIds && [...input.inspectorIds].sort().join() !== [...target.inspectorIds].sort().join()) {
        throw new DomainError(ErrorCode.RULE_VIOLATION, 'the inspectors of a drawn target are the drawn inspectors');
      }
      if (target.inspectionCaseId)
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'an inspection is already open for this target', {
          caseId: target.inspectionCaseId,
        });
      enterpriseId = target.enterpriseId;
      inspectorIds = target.inspectorIds;
      origin = { kind: 'DRAW', drawId: target.drawId, targetId: target.id };
    }
    if (!enterpriseId) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'enterpriseId or drawTargetId is required');
    const joint = await this.jointOf(actor, input);
    const team = await this.credentialedTeam(
      [actor.departmentId, ...(joint?.partnerDepartmentIds ?? [])],
      inspectorIds,
      'an inspection',
    );
    if (joint) {
      assertJointTeam(
        actor.departmentId,
        joint,
        team.map((u) => ({ userId: u.id, departmentId: u.departmentId })),
      );
    }
    // The case is the host's: its handlers are the host's officers on the team (a cross inspection's visitors act
    // on the steps assigned to them and read the case as team members).
    const handlerIds = team.filter((u) => u.departmentId === actor.departmentId).map((u) => u.id);
    for (const u of team) {
      if (await this.repo.findActiveConflict(u.id, enterpriseId)) {
        throw new DomainError(
          ErrorCode.RULE_VIOLATION,
          `officer ${u.id} has a conflict of interest with this enterprise (回避)`,
          { officerId: u.id },
        );
      }
    }
    const enterpriseIdFinal = enterpriseId;
    const created = await this.uow.transaction(async (tx) => {
      const c = await this.cases.create(
        actor,
        {
          caseType: 'INSPECTION',
          title: `${joint ? JOINT_TITLE[joint.mode] : ''}${input.unannounced ? '四不两直' : '现场'}检查`,
          enterpriseId: enterpriseIdFinal,
          handlerIds,
          workflowId: (id) => workflowIdForCase('INSPECTION', id),
        },
        tx,
        requestId,
      );
      await this.repo.patchCaseData(
        c.id,
        'opened',
        {
          origin,
          unannounced: input.unannounced === true,
          inspectorIds: team.map((u) => u.id),
          ...(joint ? { joint } : {}),
        },
        tx,
      );
      if (input.drawTargetId && !(await this.repo.claimTarget(input.drawTargetId, c.id, tx))) {
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'an inspection is already open for this target');
      }
      return c;
    });
    return {
      created,
      workflowInput: {
        caseId: created.id,
        departmentId: created.departmentId,
        enterpriseId: enterpriseIdFinal,
        createdBy: actor.userId,
        inspectors: team.map((u) => ({ userId: u.id, credentialNo: u.credentialNo!, departmentId: u.departmentId })),
        unannounced: input.unannounced === true,
        origin,
        openedAt: created.createdAt.toISOString(),
        policy: inspectionPolicy(),
        ...(joint ? { joint } : {}),
      },
    };
  }

  /** A joint or cross inspection's departments: each exists and is not the host (404 / 422). */
  private async jointOf(actor: Actor, input: OpenInspection): Promise<JointInspection | undefined> {
    const mode = input.mode ?? 'SINGLE';
    const partnerDepartmentIds = input.partnerDepartmentIds ?? [];
    if (mode === 'SINGLE') {
      if (partnerDepartmentIds.length)
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'partner departments need mode JOINT or CROSS');
      return undefined;
    }
    if (input.drawTargetId)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'a drawn target is inspected by its drawn inspectors');
    for (const id of partnerDepartmentIds) {
      if (!(await this.org.findDepartment(id)))
        throw new DomainError(ErrorCode.NOT_FOUND, `department ${id} not found`, { departmentId: id });
    }
    const joint: JointInspection = { mode, partnerDepartmentIds };
    assertJointDepartments(actor.departmentId, joint);
    return joint;
  }

  // ---- 简易程序 ----

  /**
   * The on-the-spot decision (行政处罚法 Art.51): limits, cash rule (Art.68), numbered form. Throws
   * before writing anything when a rule is broken; returns the case and the follow-up workflow input.
   */
  async decideSimplePenalty(
    actor: Actor,
    d: SimplePenaltyDecision,
    requestId?: string,
  ): Promise<{ created: CaseEntity; workflowInput: SimplePenaltyInput }> {
    if (!hasAnyRole(actor, [Role.ENFORCEMENT_OFFICER]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'on-the-spot penalties are decided by enforcement officers');
    // Art.52: the officer shows the enforcement credential.
    if (!actor.credentialNo)
      throw new DomainError(ErrorCode.RULE_VIOLATION, 'you hold no enforcement credential (行政处罚法 Art.52)');
    const policy = simplePenaltyPolicy();
    const warningOnly = d.warningOnly === true;
    if (!warningOnly && d.fineYuan === undefined)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'fineYuan is required unless warningOnly');
    if (d.partyType === 'ORGANISATION' && !d.enterpriseId)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'an organisation party needs enterpriseId');
    if (d.partyType === 'INDIVIDUAL' && !d.partyName?.trim())
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'an individual party needs partyName');
    if (d.partyType === 'INDIVIDUAL' && d.enterpriseId)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'an individual party takes no enterpriseId');
    // Art.51: ≤ 200 yuan (citizen), ≤ 3,000 yuan (organisation), or a warning.
    if (!isSimpleProcedureAllowed({ partyType: d.partyType, fineYuan: d.fineYuan, warningOnly })) {
      throw new DomainError(
        ErrorCode.RULE_VIOLATION,
        `beyond the 简易程序 limit (行政处罚法 Art.51: ${d.partyType === 'INDIVIDUAL' ? '200' : '3,000'} yuan); use the general procedure`,
        { partyType: d.partyType, fineYuan: d.fineYuan },
      );
    }
    if (warningOnly && d.paymentMethod !== 'NONE')
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'a warning takes paymentMethod NONE');
    if (!warningOnly && d.paymentMethod === 'NONE')
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'a fine needs a payment method');
    // Art.68(1): cash on the spot only for fines up to 100 yuan.
    if (d.paymentMethod === 'CASH_ON_SPOT' && (d.fineYuan ?? 0) > policy.cashOnSpotMaxYuan) {
      throw new DomainError(
        ErrorCode.RULE_VIOLATION,
        `cash may be collected on the spot only for fines up to ${policy.cashOnSpotMaxYuan} yuan (行政处罚法 Art.68)`,
      );
    }
    const others = (d.officerIds ?? []).filter((id) => id !== actor.userId);
    if (others.length)
      await this.credentialedTeam(actor.departmentId, [actor.userId, ...others], 'the officers present');
    const decidedAt = new Date();
    const year = Number(toLocalDate(decidedAt).slice(0, 4));
    const dept = (await this.org.findDepartment(actor.departmentId))!;
    const prefix = documentPrefix(
      (await this.policies.effectivePolicy(actor.departmentId)).documentPrefix,
      dept.name,
      dept.kind,
    );
    const created = await this.uow.transaction(async (tx) => {
      const c = await this.cases.create(
        actor,
        {
          caseType: 'SIMPLE_PENALTY',
          title: `当场处罚：${d.violation}`.slice(0, 200),
          enterpriseId: d.enterpriseId ?? null,
          handlerIds: others,
          workflowId: (id) => workflowIdForCase('SIMPLE_PENALTY', id),
        },
        tx,
        requestId,
      );
      const seq = await this.repo.nextNumber(actor.departmentId, 'SIMPLE_PENALTY', year, tx);
      // Numbered like every other 执法文书 of the department (same prefix, year and sequence format).
      const decisionNo = formatReferenceNumber({ year, prefix, code: SIMPLE_PENALTY_DECISION_CODE, seq });
      await this.repo.setReferenceNo(c.id, decisionNo, tx);
      await this.repo.patchCaseData(
        c.id,
        'decision',
        {
          decision: {
            decisionNo,
            partyType: d.partyType,
            partyName: d.partyType === 'INDIVIDUAL' ? d.partyName : null,
            enterpriseId: d.enterpriseId ?? null,
            violation: d.violation,
            legalBasis: d.legalBasis,
            warningOnly,
            fineYuan: warningOnly ? 0 : d.fineYuan,
            paymentMethod: d.paymentMethod,
            decidedAt: decidedAt.toISOString(),
            credentialNo: actor.credentialNo,
          },
        },
        tx,
      );
      c.referenceNo = decisionNo;
      return c;
    });
    return {
      created,
      workflowInput: {
        caseId: created.id,
        departmentId: created.departmentId,
        decisionNo: created.referenceNo!,
        decidedBy: actor.userId,
        officerIds: created.handlerIds,
        decidedAt: decidedAt.toISOString(),
        warningOnly,
        fineYuan: warningOnly ? 0 : d.fineYuan!,
        cashCollected: d.paymentMethod === 'CASH_ON_SPOT',
        policy,
      },
    };
  }

  // ---- 行刑衔接 ----

  /**
   * A transfer proposed over HTTP (国务院令第310号 Art.5: a team of at least two officers). Every
   * transfer is numbered `criminal-transfer-<source>-<n>` by the database, whoever starts it. A
   * penalty case must know of its transfer (no fine in place of prosecution, 行政处罚法 Art.27, 82), so
   * from a penalty case the proposal goes to its workflow, which opens the transfer; from an
   * inspection or accident case the transfer case is opened here and its workflow started by the API.
   */
  async proposeTransfer(actor: Actor, p: ProposeTransfer, requestId?: string): Promise<TransferProposal> {
    if (!hasAnyRole(actor, [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only enforcement officers and heads propose transfers');
    const source = await this.cases.getVisible(actor, p.sourceCaseId);
    if (source.departmentId !== actor.departmentId)
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'a transfer is proposed by the department handling the case',
      );
    if (!['PENALTY', 'INSPECTION', 'ACCIDENT'].includes(source.caseType)) {
      throw new DomainError(ErrorCode.RULE_VIOLATION, 'a transfer arises from a penalty, inspection or accident case', {
        caseType: source.caseType,
      });
    }
    const team = await this.credentialedTeam(actor.departmentId, p.teamIds, 'a transfer team');
    if (source.caseType === 'PENALTY') return { via: 'PENALTY_CASE', source };
    const created = await this.uow.transaction(async (tx) => {
      const opened = await this.linkedCases.openLinkedCase(
        {
          // Each proposal over HTTP is a new transfer.
          linkKey: `api:${randomUUID()}`,
          caseType: 'CRIMINAL_TRANSFER',
          title: `涉嫌犯罪案件移送：${p.suspectedOffence}`.slice(0, 200),
          sourceCaseId: source.id,
          departmentId: actor.departmentId,
          enterpriseId: source.enterpriseId,
          createdBy: actor.userId,
          handlerIds: team.map((u) => u.id),
          data: { sourceCaseType: source.caseType, suspectedOffence: p.suspectedOffence, grounds: p.grounds },
        },
        tx,
        requestId,
      );
      await this.audit.record(
        {
          caseId: source.id,
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'CRIMINAL_TRANSFER_PROPOSED_FROM_CASE',
          requestId,
          summary: { transferCaseId: opened.id, suspectedOffence: p.suspectedOffence },
        },
        tx,
      );
      return opened;
    });
    return {
      via: 'LINKED_CASE',
      created,
      workflowInput: {
        caseId: created.id,
        sourceCaseId: source.id,
        sourceCaseType: source.caseType as CriminalTransferInput['sourceCaseType'],
        departmentId: created.departmentId,
        proposedBy: actor.userId,
        teamIds: team.map((u) => u.id),
        suspectedOffence: p.suspectedOffence,
        grounds: p.grounds,
        openedAt: created.createdAt.toISOString(),
        policy: criminalTransferPolicy(),
        teamCredentials: Object.fromEntries(team.map((u) => [u.id, u.credentialNo!])),
      },
    };
  }

  // ---- reads ----

  /**
   * A case of the actor's jurisdiction; an inspection also to the officers on its team (a joint
   * inspection's partner officers, a cross inspection's visitors), who signed its record.
   */
  async getVisible(actor: Actor, id: string, caseType: InspectionAreaCaseType): Promise<CaseEntity> {
    const c = await this.cases.getVisible(actor, id).catch(async (e: unknown) => {
      if (!(e instanceof DomainError) || e.code !== ErrorCode.FORBIDDEN_JURISDICTION || caseType !== 'INSPECTION')
        throw e;
      const found = await this.caseRows.findById(id);
      const team = (found?.data?.inspectorIds ?? []) as string[];
      if (!found || !team.includes(actor.userId)) throw e;
      return found;
    });
    if (c.caseType !== caseType)
      throw new DomainError(ErrorCode.NOT_FOUND, `${caseType.toLowerCase().replace('_', ' ')} ${id} not found`);
    return c;
  }

  /** One keyset page of the area's cases of a type in the actor's jurisdiction, newest first. */
  list(
    actor: Actor,
    caseType: InspectionAreaCaseType,
    q: PageRequest & { status?: string },
  ): Promise<KeysetPage<CaseEntity>> {
    return this.cases.search(actor, { caseType, status: q.status, limit: q.limit, cursor: q.cursor });
  }

  // ---- called by workflow activities (idempotent) ----

  async recordEvent(input: RecordCaseEventInput): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const applied = await this.repo.patchCaseData(input.caseId, input.key, input.patch, tx);
      if (!applied) return; // a retry of a committed event, or an unknown case (checked below)
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.actorId,
          action: input.action,
          summary: { ...input.summary, key: input.key },
        },
        tx,
      );
    });
    if (!(await this.caseRows.exists(input.caseId))) {
      throw new DomainError(ErrorCode.NOT_FOUND, `case ${input.caseId} not found`);
    }
  }

  async openLinked(input: OpenLinkedCaseInput): Promise<{ caseId: string; createdAt: string }> {
    const c = await this.linkedCases.createLinked({ ...input, data: input.data ?? {} });
    return { caseId: c.id, createdAt: c.createdAt.toISOString() };
  }
}
