import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import { isLocalDate } from '@safety/domain/calendar';
import { drawSample } from '@safety/domain/enforcement/sampling';
import {
  CaseRepository,
  EnforcementRepository,
  FileReviewSampleEntity,
  FileReviewScoreEntity,
  TaskRepository,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService, Page } from '../audit.service';
import { DocumentService } from '../documents/document.service';

/** Stable JSON (keys sorted), so the archive fingerprint does not depend on key order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

export const sampleView = (s: FileReviewSampleEntity) => ({
  id: s.id,
  departmentId: s.departmentId,
  seed: s.seed,
  requestedSize: s.requestedSize,
  populationSize: s.populationSize,
  criteria: s.criteria,
  caseIds: s.caseIds,
  drawnBy: s.drawnBy,
  drawnAt: s.drawnAt.toISOString(),
});

export const scoreView = (s: FileReviewScoreEntity) => ({
  id: s.id,
  sampleId: s.sampleId,
  caseId: s.caseId,
  reviewerId: s.reviewerId,
  score: s.score,
  items: s.items,
  findings: s.findings,
  createdAt: s.createdAt.toISOString(),
});

/**
 * 结案归档 (行政处罚法 Art.47: the full-process record is archived) and 案卷评查 (case-file review):
 * reproducible samples of archived files and their scores.
 */
@Injectable()
export class ArchiveService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: EnforcementRepository,
    private readonly cases: CaseRepository,
    private readonly tasks: TaskRepository,
    private readonly documents: DocumentService,
    private readonly audit: AuditService,
  ) {}

  /** Builds the case file (documents, steps, the audit timeline) and stores it with its SHA-256. Idempotent. */
  async archive(caseId: string, actorId: string | null): Promise<{ sha256: string; archivedAt: string }> {
    const existing = await this.repo.findArchive(caseId);
    if (existing) return { sha256: existing.sha256, archivedAt: existing.archivedAt.toISOString() };
    const c = await this.cases.findById(caseId);
    if (!c) throw new DomainError(ErrorCode.NOT_FOUND, `case ${caseId} not found`);
    const documents = await this.documents.allForCase(caseId);
    const tasks = (await this.tasks.listForCase(caseId)).map((t) => ({
      type: t.type,
      title: t.title,
      status: t.status,
      outcome: t.outcome,
      completedBy: t.completedBy,
      completedAt: t.completedAt?.toISOString() ?? null,
      dueAt: t.dueAt?.toISOString() ?? null,
      escalation: t.escalation,
      result: t.result,
    }));
    const timeline = (await this.audit.wholeTimeline(caseId)).map((r) => ({
      seq: r.seq,
      occurredAt: r.occurredAt,
      actorId: r.actorId,
      action: r.action,
      summary: r.summary,
      hash: r.hash,
    }));
    const caseFile = {
      case: {
        id: c.id,
        caseType: c.caseType,
        title: c.title,
        departmentId: c.departmentId,
        enterpriseId: c.enterpriseId,
        handlerIds: c.handlerIds,
        createdAt: c.createdAt.toISOString(),
      },
      documents: documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        number: d.number,
        sha256: d.sha256,
        issuedAt: d.issuedAt,
      })),
      tasks,
      timeline,
    };
    const sha256 = createHash('sha256').update(canonical(caseFile)).digest('hex');
    await this.uow.transaction(async (tx) => {
      const inserted = await this.repo.insertArchive(
        { caseId, departmentId: c.departmentId, archivedBy: actorId, caseFile, sha256 },
        tx,
      );
      if (inserted) {
        await this.audit.record(
          {
            caseId,
            actorId,
            action: 'CASE_FILE_ARCHIVED',
            summary: {
              sha256,
              documents: documents.length,
              timelineEntries: timeline.length,
              lastAuditHash: timeline[timeline.length - 1]?.hash ?? null,
            },
          },
          tx,
        );
      }
    });
    const saved = (await this.repo.findArchive(caseId))!;
    return { sha256: saved.sha256, archivedAt: saved.archivedAt.toISOString() };
  }

  async getArchive(actor: Actor, caseId: string) {
    const a = await this.repo.findArchive(caseId);
    if (!a) throw new DomainError(ErrorCode.NOT_FOUND, `case ${caseId} is not archived`);
    if (!actor.visibleDepartmentIds.includes(a.departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this case belongs to another department');
    return {
      caseId: a.caseId,
      archivedAt: a.archivedAt.toISOString(),
      archivedBy: a.archivedBy,
      sha256: a.sha256,
      caseFile: a.caseFile,
    };
  }

  // ---- 案卷评查 ----

  /** Draws `size` archived cases of the actor's visible departments reproducibly from `seed` (heads and admins). */
  async drawSample(
    actor: Actor,
    input: { size: number; seed: string; departmentId?: string; archivedFrom?: string; archivedTo?: string },
    requestId?: string,
  ) {
    if (!hasAnyRole(actor, [Role.AGENCY_HEAD, Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only heads and administrators draw review samples');
    const departmentId = input.departmentId ?? actor.departmentId;
    if (!actor.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'you may sample only your own department and those below it',
      );
    for (const [k, v] of [
      ['archivedFrom', input.archivedFrom],
      ['archivedTo', input.archivedTo],
    ] as const) {
      if (v !== undefined && !isLocalDate(v))
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `${k} must be a YYYY-MM-DD date`);
    }
    const scope = actor.visibleDepartmentIds.filter((d) => d === departmentId || departmentId === actor.departmentId);
    const population = await this.repo.archivedCaseIds(scope, input.archivedFrom, input.archivedTo);
    if (population.length === 0)
      throw new DomainError(ErrorCode.RULE_VIOLATION, 'no archived case files match the criteria');
    const caseIds = drawSample(population, input.size, input.seed);
    return this.uow.transaction(async (tx) => {
      const s = await this.repo.insertSample(
        {
          departmentId,
          seed: input.seed,
          requestedSize: input.size,
          populationSize: population.length,
          criteria: {
            archivedFrom: input.archivedFrom ?? null,
            archivedTo: input.archivedTo ?? null,
            departments: scope,
          },
          caseIds,
          drawnBy: actor.userId,
        },
        tx,
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'FILE_REVIEW_SAMPLE_DRAWN',
          requestId,
          summary: { sampleId: s.id, seed: input.seed, size: input.size, population: population.length, caseIds },
        },
        tx,
      );
      return sampleView(s);
    });
  }

  private async visibleSample(actor: Actor, id: string): Promise<FileReviewSampleEntity> {
    const s = await this.repo.findSample(id);
    if (!s) throw new DomainError(ErrorCode.NOT_FOUND, `sample ${id} not found`);
    if (!actor.visibleDepartmentIds.includes(s.departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this sample belongs to another department');
    return s;
  }

  async getSample(actor: Actor, id: string) {
    const s = await this.visibleSample(actor, id);
    return { ...sampleView(s), scores: (await this.repo.listScores(id)).map(scoreView) };
  }

  async listSamples(actor: Actor, offset: number, limit: number): Promise<Page<ReturnType<typeof sampleView>>> {
    const [rows, total] = await this.repo.listSamples(actor.visibleDepartmentIds, offset, limit);
    return { items: rows.map(sampleView), total, offset, limit };
  }

  /** Scores one sampled file. A reviewer may not score a case they handled (separation of duties). */
  async recordScore(
    actor: Actor,
    sampleId: string,
    input: {
      caseId: string;
      score: number;
      findings: string;
      items: Array<{ criterion: string; score: number; maxScore: number; comment?: string }>;
    },
    requestId?: string,
  ) {
    if (!hasAnyRole(actor, [Role.AGENCY_HEAD, Role.LEGAL_REVIEWER, Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN]))
      throw new DomainError(
        ErrorCode.FORBIDDEN_ROLE,
        'only heads, legal reviewers and administrators score case files',
      );
    const s = await this.visibleSample(actor, sampleId);
    if (!s.caseIds.includes(input.caseId))
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'the case is not part of this sample');
    const c = await this.cases.findById(input.caseId);
    if (c?.handlerIds.includes(actor.userId))
      throw new DomainError(ErrorCode.FORBIDDEN_SEPARATION_OF_DUTIES, 'a reviewer may not score a case they handled');
    for (const it of input.items) {
      if (it.score > it.maxScore)
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `item "${it.criterion}" scores above its maximum`);
    }
    if (input.items.length) {
      const total = input.items.reduce((a, it) => a + it.score, 0);
      const max = input.items.reduce((a, it) => a + it.maxScore, 0);
      if (max !== 100 || total !== input.score)
        throw new DomainError(
          ErrorCode.VALIDATION_FAILED,
          'item maxima must add up to 100 and item scores to the total score',
        );
    }
    return this.uow.transaction(async (tx) => {
      const saved = await this.repo.insertScore(
        {
          sampleId,
          caseId: input.caseId,
          reviewerId: actor.userId,
          score: input.score,
          items: input.items,
          findings: input.findings,
        },
        tx,
      );
      if (!saved)
        throw new DomainError(ErrorCode.ALREADY_EXISTS, 'you have already scored this case file in this sample');
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'CASE_FILE_SCORED',
          requestId,
          summary: { sampleId, score: input.score },
        },
        tx,
      );
      return scoreView(saved);
    });
  }
}
