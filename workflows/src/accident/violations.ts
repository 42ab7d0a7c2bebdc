import { CancellationScope } from '@temporalio/workflow';
import { reportingConsequences } from '@safety/domain/accident/reporting-violations';
import type { LinkedCase } from '@safety/temporal/activities';
import type { LinkedCaseAnswer } from '@safety/temporal/accident.activities';
import type {
  OpenedReportingConsequence,
  ReportingConsequencesInput,
  ReportingViolation,
} from '@safety/temporal/contracts/accident.contract';
import type { DisciplineReferralInput } from '@safety/temporal/contracts/discipline-referral.contract';
import type { PenaltyCaseInput } from '@safety/temporal/contracts/penalty-case.contract';
import {
  reportingConsequencePurpose,
  violationPenaltyInput,
  violationReferralInput,
} from '@safety/temporal/contracts/reporting-consequence.contract';
import { startLinkedCase } from '../kernel/linked-cases';
import { firstProblem, forbidden, Problem } from '../kernel/problems';
import { type AccidentCase, HEAD, OFFICER } from './case';

type Official = NonNullable<ReportingConsequencesInput['officials']>[number];

/** Officers of the reporting or the investigating department record a reporting violation. */
export function consequencesProblem(ac: AccidentCase, input: ReportingConsequencesInput): Problem | undefined {
  return firstProblem(() =>
    input.actor.roles.some((role) => role === OFFICER || role === HEAD) &&
    [ac.state.departmentId, ac.input.reportingDepartmentId].includes(input.actor.departmentId)
      ? undefined
      : forbidden('only officers of the reporting or investigating department record reporting violations'),
  );
}

/**
 * 迟报/漏报/谎报/瞒报 (条例 Art.36): opens the flag's consequences at once, in the same workflow step —
 * a penalty case against the enterprise's principal (条例 Art.35/36; 安全生产法 Art.110) and, for
 * 谎报/瞒报, against the enterprise (Art.36), and a discipline referral per official named (Art.39) —
 * each through the one linked-case opening (numbered by the database, idempotent by the link key)
 * and its own workflow, which outlives this one. The gates read their answers from the records.
 * Cases that predate this (PATCH.ACCIDENT_UPWARD_REPORTS) open nothing.
 */
export async function openReportingConsequences(
  ac: AccidentCase,
  flag: ReportingViolation,
  officials: readonly Official[],
  actorId: string,
): Promise<OpenedReportingConsequence[]> {
  if (!ac.reportsUpward) return [];
  // A flag is recorded once and its consequences open once: a repeat (the API's retry of the flag) answers
  // with the first opening's.
  let opening = ac.reportingConsequences.get(flag);
  if (!opening) {
    opening = openOnce(ac, flag, officials, actorId);
    ac.reportingConsequences.set(flag, opening);
  }
  return opening;
}

async function openOnce(
  ac: AccidentCase,
  flag: ReportingViolation,
  officials: readonly Official[],
  actorId: string,
): Promise<OpenedReportingConsequence[]> {
  const out: OpenedReportingConsequence[] = [];
  const enterpriseId = ac.input.enterpriseId ?? null;
  const rules = reportingConsequences(flag, { hasEnterprise: enterpriseId !== null, officials: officials.length });
  await CancellationScope.nonCancellable(async () => {
    for (const rule of rules) {
      if (rule.target === 'OFFICIAL') {
        const official = officials[rule.officialIndex!];
        const started = await startLinkedCase<DisciplineReferralInput, unknown, LinkedCase>(
          ac.kernel,
          {
            purpose: reportingConsequencePurpose(flag, 'OFFICIAL', rule.officialIndex),
            open: async (linkKey) => {
              const referral = await ac.acts.accidentOpenViolationReferral({
                caseId: ac.caseId,
                flag,
                official,
                legalBasis: rule.legalBasis,
                actorId,
                sentAt: ac.nowIso(),
                linkKey,
              });
              return { ...referral, caseId: referral.referralCaseId, referral };
            },
          },
          'disciplineReferralWorkflow',
          (linked) => violationReferralInput((linked as LinkedCase & { referral: ReferralFields }).referral, ac.caseId),
        );
        started.result.catch(() => undefined); // the gates read the referral's answer from its record
        out.push({ flag, target: 'OFFICIAL', kind: 'DISCIPLINE_REFERRAL', caseId: null });
      } else {
        const target = rule.target;
        const started = await startLinkedCase<PenaltyCaseInput, unknown, LinkedCaseAnswer>(
          ac.kernel,
          {
            purpose: reportingConsequencePurpose(flag, target),
            open: (linkKey) =>
              ac.acts.accidentOpenViolationPenalty({
                caseId: ac.caseId,
                flag,
                target,
                legalBasis: rule.legalBasis,
                actorId,
                linkKey,
              }),
          },
          'penaltyCaseWorkflow',
          (linked) => violationPenaltyInput(linked, actorId, ac.caseId),
        );
        started.result.catch(() => undefined); // the gates read the penalty case's status from its record
        out.push({ flag, target, kind: 'PENALTY', caseId: started.linked.caseId });
      }
    }
  });
  return out;
}

type ReferralFields = Awaited<ReturnType<AccidentCase['acts']['accidentOpenViolationReferral']>>;
