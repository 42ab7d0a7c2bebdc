// Workflow interceptors of the bundle: OpenTelemetry tracing, for workflow runs started since tracing exists.
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';
import { patched, WorkflowInterceptors } from '@temporalio/workflow';

/**
 * The tracing interceptors add no commands, but they add microtask steps around every activity call, and a
 * workflow that runs branches side by side can then issue its commands in another order than its recorded
 * history (a stored inspection history proved it). So a run traces only when it was started with this patch;
 * runs started before replay exactly as they ran. The decision is taken once, when the run starts executing,
 * and every interceptor follows it.
 */
export const TRACING_PATCH = 'otel-tracing-interceptors';

export const interceptors = (): WorkflowInterceptors => {
  let traced = false;
  const inbound = new OpenTelemetryInboundInterceptor();
  const outbound = new OpenTelemetryOutboundInterceptor();
  return {
    inbound: [
      {
        execute: (input, next) => {
          traced = patched(TRACING_PATCH);
          return traced ? inbound.execute(input, next) : next(input);
        },
        handleSignal: (input, next) => (traced ? inbound.handleSignal(input, next) : next(input)),
        handleUpdate: (input, next) => (traced ? inbound.handleUpdate(input, next) : next(input)),
        validateUpdate: (input, next) => (traced ? inbound.validateUpdate(input, next) : next(input)),
        handleQuery: (input, next) => (traced ? inbound.handleQuery(input, next) : next(input)),
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => (traced ? outbound.scheduleActivity(input, next) : next(input)),
        scheduleLocalActivity: (input, next) => (traced ? outbound.scheduleLocalActivity(input, next) : next(input)),
        startChildWorkflowExecution: (input, next) =>
          traced ? outbound.startChildWorkflowExecution(input, next) : next(input),
        continueAsNew: (input, next) => (traced ? outbound.continueAsNew(input, next) : next(input)),
        signalWorkflow: (input, next) => (traced ? outbound.signalWorkflow(input, next) : next(input)),
        getLogAttributes: (input, next) => (traced ? outbound.getLogAttributes(input, next) : next(input)),
      },
    ],
    internals: [new OpenTelemetryInternalsInterceptor()],
  };
};
