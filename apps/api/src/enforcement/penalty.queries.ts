import { Injectable } from '@nestjs/common';
import {
  ArchiveService,
  CaseService,
  DisclosureService,
  DocumentService,
  PenaltyCaseService,
} from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import type { Actor } from '@safety/domain/identity/roles';
import { pageOfList, PageRequest } from '@safety/persistence';
import { PenaltyWorkflowGateway } from './penalty-workflow.gateway';

/** Read side of penalty cases: amounts owed, continuing fines, documents, publications, archive. */
@Injectable()
export class PenaltyQueries {
  constructor(
    private readonly gateway: PenaltyWorkflowGateway,
    private readonly penalty: PenaltyCaseService,
    private readonly cases: CaseService,
    private readonly documents: DocumentService,
    private readonly disclosure: DisclosureService,
    private readonly archive: ArchiveService,
  ) {}

  async amountOwed(actor: Actor, caseId: string, asOf?: string) {
    const state = await this.gateway.state(actor, caseId);
    if (!state.procedure) throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, 'the case has no decision yet');
    return this.penalty.amountOwed(state.procedure, asOf);
  }

  async continuingDailyFine(actor: Actor, caseId: string, asOf?: string) {
    const found = await this.gateway.penaltyCase(actor, caseId, { acting: false });
    const state = await this.gateway.state(actor, caseId);
    return this.penalty.continuingDailyFine(found.data, state.procedure, asOf);
  }

  async documentsOf(actor: Actor, caseId: string, page: PageRequest) {
    await this.cases.getVisible(actor, caseId);
    return this.documents.listForCase(caseId, page);
  }

  documentHtml(actor: Actor, documentId: string) {
    return this.documents.html(actor, documentId);
  }

  async publicationsOf(actor: Actor, caseId: string, page: PageRequest) {
    await this.gateway.penaltyCase(actor, caseId, { acting: false });
    return pageOfList(await this.disclosure.listForCase(caseId), page, 'published', (p) => p.id);
  }

  archiveOf(actor: Actor, caseId: string) {
    return this.archive.getArchive(actor, caseId);
  }
}
