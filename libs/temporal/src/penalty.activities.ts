import type { DiscretionBenchmarkEntry } from '@safety/domain/enforcement/benchmark';
import type { ProcedurePolicy } from '@safety/domain/enforcement/procedure-policy';
import type { DocumentKind } from '@safety/domain/enforcement/document-number';
import type { CatalogueEntry } from '@safety/domain/enforcement/legal-review-catalogue';

/** What the penalty workflow needs to know about its case, loaded once after 立案 (a snapshot). */
export interface PenaltyContext {
  policy: ProcedurePolicy;
  /** Case handlers with their 执法证号 (null when they hold none). */
  handlers: Array<{ userId: string; credentialNo: string | null; roles: string[] }>;
  party: { type: 'INDIVIDUAL' | 'ORGANISATION'; name: string; creditCode: string | null; position?: string | null };
  departmentName: string;
}

export interface BenchmarkSnapshot {
  id: string;
  jurisdiction: string;
  effectiveFrom: string;
  source: string;
  entries: Array<DiscretionBenchmarkEntry & { title?: string }>;
}

/** A department's 法制审核目录 (行政处罚法 Art.58) as the workflow matches proposals against it. */
export interface LegalReviewCatalogueSnapshot {
  /** True: the department stored none, these are the default entries. */
  isDefault: boolean;
  entries: CatalogueEntry[];
}

/** Activities of the penalty general procedure (apps/worker/src/activities/penalty.activities.ts). */
export interface PenaltyActivities {
  loadPenaltyContext(input: { caseId: string; departmentId: string }): Promise<PenaltyContext>;
  loadDiscretionBenchmark(input: { departmentId: string; on: string }): Promise<BenchmarkSnapshot | null>;
  /** The department's 法制审核目录 (行政处罚法 Art.58), or the default one while it has stored none. */
  loadLegalReviewCatalogue(input: { departmentId: string }): Promise<LegalReviewCatalogueSnapshot>;
  /** LEGAL_REVIEWER users of the department who hold 法律职业资格 (Art.58(2)). */
  listQualifiedLegalReviewers(input: { departmentId: string }): Promise<string[]>;
  /** The next `count` working days after `from` (exclusive); stops early at a year with no calendar (fail closed). */
  listWorkingDays(input: { from: string; count: number }): Promise<{ days: string[]; missingYear: number | null }>;
  /** Audits an event of the case once per `eventKey` (idempotent) and merges `dataPatch` into cases.data. */
  recordPenaltyEvent(input: {
    eventKey: string;
    caseId: string;
    actorId: string | null;
    actorRole?: string | null;
    action: string;
    summary: Record<string, unknown>;
    requestId?: string | null;
  }): Promise<void>;
  issuePenaltyDocument(input: {
    idempotencyKey: string;
    kind: DocumentKind;
    caseId: string;
    issuedBy: string | null;
    data: Record<string, unknown>;
  }): Promise<{ documentId: string; number: string; sha256: string }>;
  publishPenaltyDecision(input: {
    publicationKey: string;
    caseId: string;
    actorId: string;
    decisionNumber: string;
    decisionDate: string;
    violation: string;
    legalBasis: string;
    penalty: string;
    fineYuan: number | null;
    seriousViolation: boolean;
  }): Promise<{ publicationId: string; dishonestListingId: string | null }>;
  withdrawPenaltyPublication(input: {
    eventKey: string;
    caseId: string;
    actorId: string;
    reason: string;
  }): Promise<{ withdrawn: number }>;
  createCriminalTransferCase(input: {
    sourceCaseId: string;
    departmentId: string;
    enterpriseId: string | null;
    proposedBy: string;
    teamIds: string[];
    workflowId: string;
    suspectedOffence: string;
    grounds: string[];
  }): Promise<{ caseId: string }>;
  archivePenaltyCase(input: { caseId: string; actorId: string }): Promise<{ sha256: string; archivedAt: string }>;
}
