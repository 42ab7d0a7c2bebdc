/* eslint-disable @typescript-eslint/no-require-imports -- a require inside a function is a deferred module load */
// Every workflow the worker registers. This file is the entry of the prebuilt workflow bundle.
//
// Each workflow run evaluates the bundle's modules afresh in its own module cache (the SDK's reusable V8
// context keeps runs apart this way). Loading every workflow here would make each run build every case type's
// step contracts (hundreds of zod schemas): most of a new run's CPU and of a cached run's memory. So each
// workflow loads its own module when it is called, synchronously: the run then builds only its own case type,
// and its code runs exactly as if it had been imported (no extra await, the same commands).
import type * as Accident from './accident/workflow';
import type * as Complaint from './complaint/workflow';
import type * as CriminalTransfer from './criminal-transfer/workflow';
import type * as DisciplineReferral from './discipline-referral/workflow';
import type * as ReferralProposal from './discipline-referral/proposal';
import type * as Inspection from './inspection/workflow';
import type * as Penalty from './penalty/workflow';
import type * as SimplePenalty from './simple-penalty/workflow';
import type * as Summons from './summons/workflow';
import type * as Supervision from './supervision/workflow';

export const penaltyCaseWorkflow: typeof Penalty.penaltyCaseWorkflow = (...args) =>
  (require('./penalty/workflow') as typeof Penalty).penaltyCaseWorkflow(...args);
export const inspectionWorkflow: typeof Inspection.inspectionWorkflow = (...args) =>
  (require('./inspection/workflow') as typeof Inspection).inspectionWorkflow(...args);
export const criminalTransferWorkflow: typeof CriminalTransfer.criminalTransferWorkflow = (...args) =>
  (require('./criminal-transfer/workflow') as typeof CriminalTransfer).criminalTransferWorkflow(...args);
export const simplePenaltyWorkflow: typeof SimplePenalty.simplePenaltyWorkflow = (...args) =>
  (require('./simple-penalty/workflow') as typeof SimplePenalty).simplePenaltyWorkflow(...args);
export const accidentWorkflow: typeof Accident.accidentWorkflow = (...args) =>
  (require('./accident/workflow') as typeof Accident).accidentWorkflow(...args);
export const disciplineReferralWorkflow: typeof DisciplineReferral.disciplineReferralWorkflow = (...args) =>
  (require('./discipline-referral/workflow') as typeof DisciplineReferral).disciplineReferralWorkflow(...args);
export const caseReferralProposalWorkflow: typeof ReferralProposal.caseReferralProposalWorkflow = (...args) =>
  (require('./discipline-referral/proposal') as typeof ReferralProposal).caseReferralProposalWorkflow(...args);
export const complaintWorkflow: typeof Complaint.complaintWorkflow = (...args) =>
  (require('./complaint/workflow') as typeof Complaint).complaintWorkflow(...args);
export const supervisionWorkflow: typeof Supervision.supervisionWorkflow = (...args) =>
  (require('./supervision/workflow') as typeof Supervision).supervisionWorkflow(...args);
export const summonsWorkflow: typeof Summons.summonsWorkflow = (...args) =>
  (require('./summons/workflow') as typeof Summons).summonsWorkflow(...args);
