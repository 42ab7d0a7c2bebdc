import { toLocalDate } from '@safety/domain/calendar/local-date';
import { assertJointRecord } from '@safety/domain/inspection/joint';
import { assertConfirmations, assertInspectionRecord, InspectionRecord } from '@safety/domain/inspection/record';
import { InspectionSteps } from '@safety/temporal/steps/inspection.steps';
import type { Submission } from '@safety/temporal/steps/step-definition';
import type { Completion } from '../../kernel/task-board';
import { domainRule, firstProblem } from '../../kernel/problems';
import type { InspectionCase } from '../case';

type RecordStep = typeof InspectionSteps.INSPECTION_RECORD;
export type RecordCompletion = Completion<RecordStep>;

/** Every field any outcome of the record may carry (each outcome's contract says which it takes). */
type RecordFields = Partial<{
  findings: Array<{
    description: string;
    hazardLevel: 'GENERAL' | 'MAJOR';
    legalBasis: string;
    evidenceAttachmentIds?: string[];
    violationCodes?: string[];
    competentDepartmentId?: string;
  }>;
  rectificationDeadline: string;
  measures: { suspension?: boolean; seizure?: { items: string; days: number } };
  supervisedListing: boolean;
  penaltyReason: string;
}>;

/** The record as the later stages read it, from a submission that satisfied its outcome's contract. */
export function recordOf({ payload }: Submission<RecordStep>): InspectionRecord {
  const fields = payload as RecordFields;
  return {
    confirmations: payload.confirmations.map((signed) => ({
      officerId: signed.officerId,
      credentialNo: signed.credentialNo.trim(),
    })),
    findings: (fields.findings ?? []).map((finding) => ({
      description: finding.description,
      hazardLevel: finding.hazardLevel,
      legalBasis: finding.legalBasis,
      evidenceAttachmentIds: finding.evidenceAttachmentIds ?? [],
      violationCodes: finding.violationCodes ?? [],
      ...(finding.competentDepartmentId ? { competentDepartmentId: finding.competentDepartmentId } : {}),
    })),
    rectificationDeadline: fields.rectificationDeadline ?? null,
    measures: { suspension: fields.measures?.suspension === true, seizure: fields.measures?.seizure ?? null },
    supervisedListing: fields.supervisedListing === true,
    penaltyReason: fields.penaltyReason ?? null,
  };
}

/**
 * 现场检查记录 (安全生产法 Art.68: written, signed by the inspecting officers). The record's shape is
 * its contract; here the signatures are checked against the team and the order against today.
 */
export async function recordInspection(ic: InspectionCase): Promise<RecordCompletion> {
  const { input } = ic;
  const done = await ic.board.run(InspectionSteps.INSPECTION_RECORD, {
    ...ic.where,
    step: 'record',
    ...(ic.teamAssignee ? { assigneeId: ic.teamAssignee } : {}),
    title: input.unannounced ? '现场检查记录（四不两直）' : '现场检查记录',
    deadline: null,
    context: { enterpriseId: input.enterpriseId, inspectorIds: ic.teamIds, unannounced: input.unannounced },
    enterStatus: ic.status.enter('AWAITING_RECORD', input.createdBy, 'INSPECTION_OPENED', {
      unannounced: input.unannounced,
      origin: input.origin,
      inspectorIds: ic.teamIds,
    }),
    eligible: (actor) => ic.teamOnly(actor),
    check: (submission) =>
      firstProblem(
        () =>
          domainRule(() =>
            assertConfirmations(submission.payload.confirmations, input.inspectors, submission.actor.userId),
          ),
        () =>
          domainRule(() =>
            assertInspectionRecord(submission.outcome, recordOf(submission), { today: ic.today(), policy: ic.policy }),
          ),
        // 联合检查: each finding to the host or a partner; the host's officers sign (Art.68).
        () =>
          domainRule(() =>
            assertJointRecord(
              input.departmentId,
              ic.joint,
              recordOf(submission).findings,
              submission.payload.confirmations,
              input.inspectors,
              submission.outcome,
            ),
          ),
      ),
  });

  const record = recordOf(done);
  ic.record = record;
  ic.recordedOn = toLocalDate(new Date(done.completedAt));
  Object.assign(ic.state, {
    outcome: done.outcome,
    findings: record.findings,
    confirmations: record.confirmations,
    rectificationDeadline: record.rectificationDeadline,
    suspensionOrdered: record.measures.suspension,
  });
  await ic.event(
    'record',
    'INSPECTION_RECORDED',
    done.actor.userId,
    { inspection: { outcome: done.outcome, recordedOn: ic.recordedOn, ...record } },
    {
      outcome: done.outcome,
      findings: record.findings.length,
      majorHazards: record.findings.filter((finding) => finding.hazardLevel === 'MAJOR').length,
      confirmedBy: record.confirmations.map((signed) => signed.officerId),
    },
  );
  return done;
}
