import { caseParty } from '@safety/domain/enforcement/party';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor } from '@safety/domain/identity/roles';
import { toLocalDate } from '@safety/domain/calendar';
import {
  DOCUMENT_KINDS,
  DocumentKind,
  documentPrefix,
  formatDocumentNumber,
  isDocumentKind,
} from '@safety/domain/enforcement/document-number';
import {
  CaseRepository,
  DocumentEntity,
  DocumentRepository,
  OrganisationRepository,
  UnitOfWork,
  KeysetPage,
  pageOfList,
  PageRequest,
} from '@safety/persistence';
import { AuditService } from '../audit.service';
import { PenaltyPolicyService } from '../enforcement/penalty-policy.service';
import { renderDocument } from './templates';

export interface IssuedDocument {
  id: string;
  caseId: string | null;
  departmentId: string;
  kind: DocumentKind;
  title: string;
  number: string;
  sha256: string;
  issuedBy: string | null;
  issuedAt: string;
}

export const documentView = (d: DocumentEntity): IssuedDocument => ({
  id: d.id,
  caseId: d.caseId,
  departmentId: d.departmentId,
  kind: d.kind as DocumentKind,
  title: d.title,
  number: d.number,
  sha256: d.sha256,
  issuedBy: d.issuedBy,
  issuedAt: d.issuedAt.toISOString(),
});

/**
 * 执法文书: numbers a document in the agency format (per department, year and kind, gap-free), renders
 * it as printable HTML with every value escaped, fingerprints it (SHA-256 of the HTML) and stores it.
 * Issued documents are immutable; the number and the fingerprint go into the audit log.
 */
@Injectable()
export class DocumentService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly docs: DocumentRepository,
    private readonly cases: CaseRepository,
    private readonly org: OrganisationRepository,
    private readonly policies: PenaltyPolicyService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Issues a document of `kind` for the case. With an idempotency key a repeated call (an activity
   * retry) returns the document already issued instead of consuming another number.
   */
  async issue(
    kind: DocumentKind,
    caseId: string,
    data: Record<string, unknown>,
    opts: { issuedBy?: string | null; idempotencyKey?: string | null; issuedAt?: Date; requestId?: string } = {},
  ): Promise<IssuedDocument & { html: string }> {
    if (!isDocumentKind(kind))
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `unknown document kind ${String(kind)}`);
    if (opts.idempotencyKey) {
      const existing = await this.docs.findByKey(opts.idempotencyKey);
      if (existing) return { ...documentView(existing), html: (await this.docs.html(existing.id))!.html };
    }
    const c = await this.cases.findById(caseId);
    if (!c) throw new DomainError(ErrorCode.NOT_FOUND, `case ${caseId} not found`);
    const dept = await this.org.findDepartment(c.departmentId);
    if (!dept) throw new DomainError(ErrorCode.NOT_FOUND, `department ${c.departmentId} not found`);
    const ent = c.enterpriseId ? await this.org.findEnterprise(c.enterpriseId) : null;
    const policy = await this.policies.effectivePolicy(c.departmentId);
    const prefix = documentPrefix(policy.documentPrefix, dept.name, dept.kind);
    const issuedAt = opts.issuedAt ?? new Date();
    const issuedOn = toLocalDate(issuedAt);
    const year = Number(issuedOn.slice(0, 4));

    return this.uow.transaction(async (tx) => {
      if (opts.idempotencyKey) {
        const raced = await this.docs.findByKey(opts.idempotencyKey, tx);
        if (raced) return { ...documentView(raced), html: (await this.docs.html(raced.id))!.html };
      }
      const seq = await this.docs.nextSeq(c.departmentId, kind, year, tx);
      const number = formatDocumentNumber({ year, prefix, kind, seq });
      const html = renderDocument({
        kind,
        number,
        issuedOn,
        departmentName: dept.name,
        caseTitle: c.title,
        caseReference: c.referenceNo,
        party: ent ? caseParty(c.data, ent) : null,
        data,
      });
      const sha256 = createHash('sha256').update(html, 'utf8').digest('hex');
      const saved = await this.docs.insert(
        {
          caseId: c.id,
          departmentId: c.departmentId,
          kind,
          year,
          seq,
          number,
          title: DOCUMENT_KINDS[kind].title,
          html,
          sha256,
          data,
          idempotencyKey: opts.idempotencyKey ?? null,
          issuedBy: opts.issuedBy ?? null,
          issuedAt,
        },
        tx,
      );
      await this.audit.record(
        {
          caseId: c.id,
          actorId: opts.issuedBy ?? null,
          action: 'DOCUMENT_ISSUED',
          requestId: opts.requestId ?? null,
          summary: { documentId: saved.id, kind, number, sha256 },
        },
        tx,
      );
      return { ...documentView(saved), html };
    });
  }

  /** A case's documents in issue order, one keyset page (a case holds a few dozen at most). */
  async listForCase(caseId: string, page: PageRequest): Promise<KeysetPage<IssuedDocument>> {
    return pageOfList(await this.allForCase(caseId), page, 'issued', (d) => d.id);
  }

  allForCase(caseId: string): Promise<IssuedDocument[]> {
    return this.docs.allForCase(caseId).then((rows) => rows.map(documentView));
  }

  /** The stored HTML, for a reader who may see the document's case (or, caseless, its department). */
  async html(actor: Actor, id: string): Promise<{ html: string; sha256: string; number: string }> {
    const d = await this.docs.findById(id);
    if (!d) throw new DomainError(ErrorCode.NOT_FOUND, `document ${id} not found`);
    if (!actor.visibleDepartmentIds.includes(d.departmentId)) {
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this document belongs to another department', {
        documentId: id,
      });
    }
    const h = (await this.docs.html(id))!;
    return { html: h.html, sha256: h.sha256, number: d.number };
  }
}
