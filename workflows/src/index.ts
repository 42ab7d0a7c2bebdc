// Every workflow the worker registers. This file is the entry of the prebuilt workflow bundle.
export { penaltyCaseWorkflow } from './penalty-case.workflow';
