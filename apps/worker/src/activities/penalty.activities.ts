import { ArchiveService, DisclosureService, DocumentService, PenaltyCaseService } from '@safety/application';
import type { PenaltyActivities } from '@safety/temporal/penalty.activities';
import { wrap } from './wrap';

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
}) {
  const activities: PenaltyActivities = {
    loadPenaltyContext: wrap((input) => deps.penalty.loadContext(input.caseId, input.departmentId)),
    loadDiscretionBenchmark: wrap((input) => deps.penalty.benchmark(input.departmentId, input.on)),
    listQualifiedLegalReviewers: wrap((input) => deps.penalty.qualifiedLegalReviewers(input.departmentId)),
    listWorkingDays: wrap((input) => deps.penalty.workingDays(input.from, input.count)),
    recordPenaltyEvent: wrap((input) => deps.penalty.recordEvent(input)),
    issuePenaltyDocument: wrap(async (input) => {
      const d = await deps.documents.issue(input.kind, input.caseId, input.data, {
        issuedBy: input.issuedBy,
        idempotencyKey: input.idempotencyKey,
      });
      return { documentId: d.id, number: d.number, sha256: d.sha256 };
    }),
    publishPenaltyDecision: wrap((input) => deps.disclosure.publish(input)),
    withdrawPenaltyPublication: wrap(async (input) => ({ withdrawn: await deps.disclosure.withdraw(input) })),
    createCriminalTransferCase: wrap((input) => deps.penalty.createTransferCase(input)),
    archivePenaltyCase: wrap((input) => deps.archive.archive(input.caseId, input.actorId)),
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
  });
