import { INestApplicationContext } from '@nestjs/common';
import { DocumentService, InspectionCaseService } from '@safety/application';
import type { InspectionActivities } from '@safety/temporal/inspection.activities';
import { activity } from './adapter';

/**
 * Thin, idempotent adapters for the inspection, 简易程序 and criminal-transfer workflows. Events are
 * keyed per case (a retry finds the key and writes nothing), linked cases by their workflow id,
 * the rectification order by an idempotency key per case.
 */
export function createInspectionActivities(deps: {
  inspections: InspectionCaseService;
  documents: DocumentService;
}): InspectionActivities {
  return {
    inspectionRecordCaseEvent: activity((input) => deps.inspections.recordEvent(input)),
    inspectionOpenLinkedCase: activity((input) => deps.inspections.openLinked(input)),
    inspectionIssueRectificationOrder: activity(async (input) => {
      const doc = await deps.documents.issue(
        'RECTIFICATION_ORDER',
        input.caseId,
        { findings: input.findings, legalBasis: input.legalBasis, deadline: input.deadline, note: input.note },
        { issuedBy: input.issuedBy, idempotencyKey: `${input.caseId}:rectification-order` },
      );
      return { documentId: doc.id, number: doc.number };
    }),
  };
}

export const inspectionActivityFactory = (app: INestApplicationContext) =>
  createInspectionActivities({ inspections: app.get(InspectionCaseService), documents: app.get(DocumentService) });
