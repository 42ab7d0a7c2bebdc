import { AccidentSteps } from './accident.steps';
import { ComplaintSteps } from './complaint.steps';
import { DisciplineReferralSteps } from './discipline-referral.steps';
import { CriminalTransferSteps } from './criminal-transfer.steps';
import { InspectionSteps } from './inspection.steps';
import { PenaltySteps } from './penalty.steps';
import { SimplePenaltySteps } from './simple-penalty.steps';
import type { StepDefinition } from './step-definition';
import { SummonsSteps, SupervisionSteps } from './supervision.steps';

/**
 * Every human step of every workflow. A workflow can only open tasks of a type listed here (the
 * task board takes a definition, not a string), so the catalogue the API publishes is complete.
 */
export const STEP_CATALOGUE: readonly StepDefinition[] = [
  ...Object.values(PenaltySteps),
  ...Object.values(InspectionSteps),
  ...Object.values(CriminalTransferSteps),
  ...Object.values(SimplePenaltySteps),
  ...Object.values(AccidentSteps),
  ...Object.values(DisciplineReferralSteps),
  ...Object.values(ComplaintSteps),
  ...Object.values(SupervisionSteps),
  ...Object.values(SummonsSteps),
];

const byType = new Map(STEP_CATALOGUE.map((step) => [step.type, step]));
if (byType.size !== STEP_CATALOGUE.length) throw new Error('two step definitions share a type code');

export const stepDefinition = (type: string): StepDefinition | undefined => byType.get(type);
