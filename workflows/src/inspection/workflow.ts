import { patched, setHandler } from '@temporalio/workflow';
import { dangerousOperationGrounds } from '@safety/domain/inspection/dangerous-operation';
import {
  getInspectionStateQuery,
  InspectionInput,
  InspectionState,
} from '@safety/temporal/contracts/inspection.contract';
import { PATCH } from '../kernel/patches';
import { InspectionCase } from './case';
import { criminalReview } from './stages/criminal-review';
import { referToPartners, takeReferral } from './stages/joint';
import { openPenaltyCase } from './stages/penalty-case';
import { recordInspection } from './stages/record';
import { rectification } from './stages/rectification';

/**
 * 现场检查 and hazard rectification (安全生产法 Art.65, 68; 行政强制法 Art.25):
 *
 * record (≥ 2 officers sign, Art.68) → NO_ISSUE: close | PROPOSE_PENALTY: open a penalty case |
 * RECTIFY / IMMEDIATE_MEASURES: 责令限期整改 → 复查 after the deadline → rectified: close | not
 * rectified: a penalty case opens by itself, with the 安全生产法 Art.112 flag.
 *
 * Beside it, as needed: 查封/扣押 (stages/seizure.ts), 挂牌督办 (stages/listing.ts) and a
 * criminal-transfer review whenever findings match 危险作业罪 (stages/criminal-review.ts). The case
 * closes when all of them have ended.
 */
export async function inspectionWorkflow(input: InspectionInput): Promise<InspectionState> {
  const ic = new InspectionCase(input);
  setHandler(getInspectionStateQuery, () => ic.state);

  if (input.referral && patched(PATCH.JOINT_INSPECTIONS)) {
    // A partner department's linked case of a joint inspection: its share of the findings, ordered here.
    await takeReferral(ic, input.referral);
    await rectification(ic, { by: input.referral.orderedBy });
    return close(ic);
  }

  const recorded = await recordInspection(ic);
  const grounds = dangerousOperationGrounds(ic.record.findings);
  if (grounds.length) ic.kernel.branches.spawn('criminal-review-1', criminalReview(ic, grounds));

  switch (recorded.outcome) {
    case 'NO_ISSUE':
      ic.state.result = 'NO_ISSUE';
      break;
    case 'PROPOSE_PENALTY':
      await openPenaltyCase(ic, recorded.actor, `检查发现违法行为：${recorded.payload.penaltyReason}`, null);
      ic.state.result = 'PENALTY_PROPOSED';
      await ic.status.moveTo('ESCALATED_TO_PENALTY', recorded.actor.userId, 'PENALTY_PROPOSED', {
        penaltyCaseId: ic.state.penalty!.caseId,
        reason: recorded.payload.penaltyReason,
      });
      break;
    default:
      await referToPartners(ic, recorded);
      if (ic.record.findings.length) await rectification(ic, recorded);
      else ic.state.result = 'REFERRED_TO_PARTNERS';
  }
  return close(ic);
}

async function close(ic: InspectionCase): Promise<InspectionState> {
  await ic.kernel.branches.settled();
  await ic.status.moveTo('CLOSED', null, 'INSPECTION_CLOSED', {
    result: ic.state.result,
    penaltyCaseId: ic.state.penalty?.caseId ?? null,
  });
  await ic.kernel.finish();
  return ic.state;
}
