import { findingsByDepartment } from '@safety/domain/inspection/joint';
import type { InspectionInput, InspectionState } from '@safety/temporal/contracts/inspection.contract';
import { startLinkedCase } from '../../kernel/linked-cases';
import type { InspectionCase } from '../case';
import type { RecordCompletion } from './record';

/**
 * 联合检查: each finding is handled by the department competent for it. The host's findings stay on
 * this case (its order, timer and 复查); each partner department with findings gets a linked
 * inspection case of its own (`inspection-<host case>-<n>`, its own number and documents), started
 * at the rectification order with that department's findings. Returns the host's findings' record.
 */
export async function referToPartners(ic: InspectionCase, recorded: RecordCompletion): Promise<void> {
  const joint = ic.joint;
  if (joint?.mode !== 'JOINT') return;
  const { input, record } = ic;
  const shares = findingsByDepartment(input.departmentId, joint, record.findings);
  const partnerCases: NonNullable<InspectionState['partnerCases']> = [];
  for (const share of shares) {
    if (share.departmentId === input.departmentId) continue;
    const handlerIds = input.inspectors
      .filter((officer) => officer.departmentId === share.departmentId)
      .map((officer) => officer.userId);
    const started = await startLinkedCase<InspectionInput, InspectionState>(
      ic.kernel,
      {
        purpose: `joint-${share.departmentId}`,
        caseType: 'INSPECTION',
        title: '联合检查（责令限期整改）',
        sourceCaseId: input.caseId,
        departmentId: share.departmentId,
        enterpriseId: input.enterpriseId,
        createdBy: recorded.actor.userId,
        handlerIds,
        data: {
          origin: { kind: 'JOINT', sourceCaseId: input.caseId },
          inspectorIds: ic.teamIds,
          hostDepartmentId: input.departmentId,
        },
      },
      'inspectionWorkflow',
      (linked) => ({
        caseId: linked.caseId,
        departmentId: share.departmentId,
        enterpriseId: input.enterpriseId,
        createdBy: recorded.actor.userId,
        // The joint team signs the 复查 as it signed the record.
        inspectors: input.inspectors,
        unannounced: input.unannounced,
        origin: { kind: 'JOINT', sourceCaseId: input.caseId },
        openedAt: linked.openedAt,
        policy: input.policy,
        referral: {
          sourceCaseId: input.caseId,
          record: {
            ...record,
            findings: share.findings,
            // Measures and 挂牌督办 are the host's (it supervises the enterprise).
            measures: { suspension: false, seizure: null },
            supervisedListing: false,
          },
          recordedOn: ic.recordedOn,
          orderedBy: recorded.actor.userId,
        },
      }),
    );
    // The host's case does not wait for its partners' cases.
    void started.result.catch(() => undefined);
    partnerCases.push({
      departmentId: share.departmentId,
      caseId: started.linked.caseId,
      workflowId: started.linked.workflowId,
      findings: share.findings.length,
    });
  }
  if (!partnerCases.length) return;
  ic.state.partnerCases = partnerCases;
  const hostFindings = shares.find((share) => share.departmentId === input.departmentId)?.findings ?? [];
  ic.record = { ...record, findings: hostFindings };
  await ic.event(
    'joint-referrals',
    'JOINT_FINDINGS_REFERRED',
    recorded.actor.userId,
    { partnerCases },
    {
      partnerCases: partnerCases.map((linked) => ({ departmentId: linked.departmentId, caseId: linked.caseId })),
      hostFindings: hostFindings.length,
    },
  );
}

/** A partner's linked case: the joint record's share of this department, then its rectification. */
export async function takeReferral(ic: InspectionCase, referral: NonNullable<InspectionInput['referral']>) {
  ic.record = referral.record;
  ic.recordedOn = referral.recordedOn;
  Object.assign(ic.state, {
    outcome: 'RECTIFY',
    findings: referral.record.findings,
    confirmations: referral.record.confirmations,
    rectificationDeadline: referral.record.rectificationDeadline,
  });
  await ic.event(
    'record',
    'JOINT_FINDINGS_RECEIVED',
    referral.orderedBy,
    {
      inspection: { outcome: 'RECTIFY', recordedOn: referral.recordedOn, ...referral.record },
      referral: { sourceCaseId: referral.sourceCaseId },
    },
    { sourceCaseId: referral.sourceCaseId, findings: referral.record.findings.length },
  );
}
