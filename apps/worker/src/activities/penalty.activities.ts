import {
  ArchiveService,
  DisclosureService,
  DocumentService,
  LegalReviewCatalogueService,
  PenaltyCaseService,
} from '@safety/application';
import type { PenaltyActivities } from '@safety/temporal/penalty.activities';
import { activity } from './adapter';

/**
 * Activities of the penalty general procedure: thin adapters over the enforcement services. Each is
 * idempotent: documents and publications by key, events by event key, archives and linked cases by
 * case / workflow id.
 */
export function createPenaltyActivities(deps: {
  penalty: PenaltyCaseService;
  documents: DocumentService;
  disclosure: DisclosureService;
  archive: ArchiveService;
  catalogues: LegalReviewCatalogueService;
}) {
  const activities: PenaltyActivities = {
    loadPenaltyContext: activity((input) => deps.penalty.loadContext(input.caseId, input.departmentId)),
    loadDiscretionBenchmark: activity((input) => deps.penalty.benchmark(input.departmentId, input.on)),
    loadLegalReviewCatalogue: activity(async (input) => {
      const { isDefault, entries } = await deps.catalogues.catalogue(input.departmentId);
      return { isDefault, entries };
    }),
    listQualifiedLegalReviewers: activity((input) => deps.penalty.qualifiedLegalReviewers(input.departmentId)),
    listWorkingDays: activity((input) => deps.penalty.workingDays(input.from, input.count)),
    recordPenaltyEvent: activity((input) => deps.penalty.recordEvent(input)),
    issuePenaltyDocument: activity(async (input) => {
      const d = await deps.documents.issue(input.kind, input.caseId, input.data, {
        issuedBy: input.issuedBy,
        idempotencyKey: input.idempotencyKey,
      });
      return { documentId: d.id, number: d.number, sha256: d.sha256 };
    }),
    publishPenaltyDecision: activity((input) => deps.disclosure.publish(input)),
    withdrawPenaltyPublication: activity(async (input) => ({ withdrawn: await deps.disclosure.withdraw(input) })),
    createCriminalTransferCase: activity((input) => deps.penalty.createTransferCase(input)),
    archivePenaltyCase: activity((input) => deps.archive.archive(input.caseId, input.actorId)),
  };
  return activities;
}

/** The ACTIVITY_FACTORIES entry. */
export const penaltyActivityFactory = (app: import('@nestjs/common').INestApplicationContext) =>
  createPenaltyActivities({
    penalty: app.get(PenaltyCaseService),
    documents: app.get(DocumentService),
    disclosure: app.get(DisclosureService),
    archive: app.get(ArchiveService),
    catalogues: app.get(LegalReviewCatalogueService),
  });
