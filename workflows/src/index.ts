// Every workflow the worker registers. This file is the entry of the prebuilt workflow bundle.
export { penaltyCaseWorkflow } from './penalty/workflow';
export { inspectionWorkflow } from './inspection/workflow';
export { criminalTransferWorkflow } from './criminal-transfer/workflow';
export { simplePenaltyWorkflow } from './simple-penalty/workflow';
export { accidentWorkflow } from './accident/workflow';
export { disciplineReferralWorkflow } from './discipline-referral/workflow';
export { caseReferralProposalWorkflow } from './discipline-referral/proposal';
export { complaintWorkflow } from './complaint/workflow';
export { supervisionWorkflow } from './supervision/workflow';
export { summonsWorkflow } from './summons/workflow';
