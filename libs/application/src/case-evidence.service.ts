import { createHash } from 'node:crypto';
import { fromBuffer as fileTypeFromBuffer } from 'file-type';
import { Injectable } from '@nestjs/common';
import { Actor } from '@safety/domain/identity/roles';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { evidenceTypeOf, sanitiseFileName } from '@safety/domain/evidence/evidence-policy';
import { AttachmentEntity, CaseRepository, Transaction, UnitOfWork } from '@safety/persistence';
import { AuditService } from './audit.service';
import { CaseService } from './case.service';

/** A file as sent: the declared name and type are the client's word, checked against the bytes. */
export interface EvidenceFile {
  fileName?: string | null;
  contentType?: string | null;
  content: Buffer;
}

/** A file that passed the evidence policy, ready to store. */
export interface PreparedEvidence {
  taskId: string | null;
  kind: 'FILE' | 'NOTE';
  fileName: string | null;
  contentType: string;
  sha256: string;
  content: Buffer;
}

/** A case's evidence: files checked against the evidence policy, stored with their audit row, and cited by steps. */
@Injectable()
export class CaseEvidenceService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
    private readonly caseService: CaseService,
  ) {}

  async attach(
    actor: Actor,
    caseId: string,
    input: EvidenceFile & { taskId?: string | null; kind: 'FILE' | 'NOTE' },
    requestId?: string,
  ): Promise<AttachmentEntity> {
    const c = await this.caseService.getVisible(actor, caseId);
    const prepared = await this.prepareEvidence(input);
    return this.uow.transaction((tx) =>
      this.storeEvidence(c.id, { userId: actor.userId, role: actor.roles[0] }, prepared, tx, requestId),
    );
  }

  /**
   * Checks a file against the evidence policy: the type comes from the bytes and the allowlist
   * (never the client's word alone), the name is sanitised, the content hashed.
   */
  async prepareEvidence(
    input: EvidenceFile & { taskId?: string | null; kind: 'FILE' | 'NOTE' },
  ): Promise<PreparedEvidence> {
    const contentType =
      input.kind === 'NOTE'
        ? 'text/plain'
        : evidenceTypeOf({
            declared: input.contentType,
            detected: (await fileTypeFromBuffer(input.content))?.mime ?? null,
            content: input.content,
          });
    return {
      taskId: input.taskId ?? null,
      kind: input.kind,
      fileName: sanitiseFileName(input.fileName),
      contentType,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      content: input.content,
    };
  }

  /** Stores checked evidence with its audit row; `uploader` null is a member of the public (no account). */
  async storeEvidence(
    caseId: string,
    uploader: { userId: string; role?: string } | null,
    evidence: PreparedEvidence,
    tx: Transaction,
    requestId?: string,
  ): Promise<AttachmentEntity> {
    const saved = await this.cases.addAttachment(
      {
        caseId,
        taskId: evidence.taskId,
        kind: evidence.kind,
        fileName: evidence.fileName,
        contentType: evidence.contentType,
        sizeBytes: evidence.content.length,
        sha256: evidence.sha256,
        content: evidence.content,
        uploadedBy: uploader?.userId ?? null,
      },
      tx,
    );
    await this.audit.record(
      {
        caseId,
        taskId: evidence.taskId,
        actorId: uploader?.userId ?? null,
        actorRole: uploader?.role,
        action: 'EVIDENCE_ATTACHED',
        requestId,
        summary: {
          attachmentId: saved.id,
          kind: evidence.kind,
          fileName: evidence.fileName,
          contentType: evidence.contentType,
          sha256: evidence.sha256,
          sizeBytes: evidence.content.length,
        },
      },
      tx,
    );
    return saved;
  }

  /**
   * Evidence cited in a step's payload must be the case's own: every `…attachmentIds` list, at any
   * depth, may name only attachments uploaded to this case (a full-process record cannot point
   * at another case's files). 422 naming the strangers otherwise.
   */
  async assertCitedAttachmentsBelong(caseId: string, payload: unknown): Promise<void> {
    const cited = new Set<string>();
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const walk = (v: unknown, depth: number): void => {
      if (depth > 6 || v === null || typeof v !== 'object') return;
      if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
      for (const [k, x] of Object.entries(v)) {
        if (/attachmentids$/i.test(k) && Array.isArray(x))
          x.filter((id): id is string => typeof id === 'string' && UUID.test(id)).forEach((id) => cited.add(id));
        else walk(x, depth + 1);
      }
    };
    walk(payload, 0);
    if (cited.size === 0) return;
    const own = new Set(await this.cases.attachmentIdsOfCase(caseId, [...cited]));
    const strangers = [...cited].filter((id) => !own.has(id));
    if (strangers.length) {
      throw new DomainError(ErrorCode.RULE_VIOLATION, 'cited attachments must be uploaded to this case first', {
        attachmentIds: strangers,
      });
    }
  }

  listAttachments(caseId: string): Promise<AttachmentEntity[]> {
    return this.cases.listAttachments(caseId);
  }

  async attachmentContent(actor: Actor, caseId: string, id: string): Promise<AttachmentEntity> {
    await this.caseService.getVisible(actor, caseId);
    const a = await this.cases.attachmentContent(caseId, id);
    if (!a) throw new DomainError(ErrorCode.NOT_FOUND, `attachment ${id} not found`);
    return a;
  }
}
