import { existsSync } from 'node:fs';
import path from 'node:path';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Span } from '@opentelemetry/api';
import { ATTR_HTTP_ROUTE, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { ClientInterceptors } from '@temporalio/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetrySinks,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks, WorkerInterceptors } from '@temporalio/worker';

/**
 * OpenTelemetry tracing: HTTP request → Temporal client → workflow → activity, one trace. Off unless
 * OTEL_TRACES_EXPORTER is `otlp` (endpoint, headers and timeouts from the standard OTEL_EXPORTER_OTLP_*
 * variables, read by the exporter itself) or `console`.
 */
export interface TracingSettings {
  exporter: 'none' | 'otlp' | 'console';
  serviceName: string;
  /** Instrument incoming HTTP (the API); the worker has no HTTP server. */
  http: boolean;
}

export interface Tracing {
  spanProcessor: SpanProcessor;
  resource: Resource;
  /** Flushes buffered spans and stops exporting. */
  shutdown(): Promise<void>;
}

/** Probes and scrapes are not traced: they would drown the traces of real work. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/**
 * Names a server span after the route template Express matched (`POST /tasks/:id/complete`), never the raw URL.
 * (OpenTelemetry's Express instrumentation for this SDK line supports Express 4 only; Nest 11 runs Express 5.)
 */
const nameAfterRoute = (span: Span, request: unknown): void => {
  const { method, route } = request as { method?: string; route?: { path?: unknown } };
  if (typeof route?.path !== 'string') return;
  span.setAttribute(ATTR_HTTP_ROUTE, route.path);
  span.updateName(`${method ?? 'GET'} ${route.path}`);
};

/**
 * Starts tracing for this process, or returns null when it is off. Call before the HTTP framework is loaded:
 * the HTTP instrumentation patches that module as it is required.
 */
export function startTracing(settings: TracingSettings): Tracing | null {
  if (settings.exporter === 'none') return null;
  const resource = new Resource({ [ATTR_SERVICE_NAME]: settings.serviceName });
  const spanProcessor =
    settings.exporter === 'otlp'
      ? new BatchSpanProcessor(new OTLPTraceExporter())
      : new SimpleSpanProcessor(new ConsoleSpanExporter());
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register(); // AsyncLocalStorage context: the active span follows each request through its awaits
  const unregister = settings.http
    ? registerInstrumentations({
        tracerProvider: provider,
        instrumentations: [
          new HttpInstrumentation({
            ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.test(req.url ?? ''),
            applyCustomAttributesOnSpan: nameAfterRoute,
          }),
        ],
      })
    : () => undefined;
  return {
    spanProcessor,
    resource,
    async shutdown() {
      unregister();
      await provider.shutdown();
    },
  };
}

/**
 * Client interceptors that start a span per workflow start/Update/signal and pass its context in the
 * Temporal headers. Harmless when tracing is off: the no-op tracer records nothing and injects nothing.
 */
export const tracingClientInterceptors = (): ClientInterceptors => ({
  workflow: [new OpenTelemetryWorkflowClientInterceptor()],
});

/**
 * The workflow interceptor module compiled into the workflow bundle (scripts/build-workflow-bundle.ts): the
 * OpenTelemetry workflow interceptors behind a patch (workflows/src/tracing.interceptors.ts), the TypeScript
 * source in dev/test, the compiled JS in dist.
 */
export const TRACING_WORKFLOW_INTERCEPTOR_MODULES = [
  ((ts: string) => (existsSync(ts) ? ts : ts.replace(/\.ts$/, '.js')))(
    path.resolve(__dirname, '../../../../workflows/src/tracing.interceptors.ts'),
  ),
];

/**
 * The worker's half: activity spans continue the workflow's trace, and the sink through which workflow
 * code (inside the V8 isolate, which cannot export) hands its finished spans to the process. The bundle
 * always contains the workflow interceptors, so the sink is always registered: it drops spans when tracing is off.
 */
export function workerTracingOptions(tracing: Tracing | null): {
  interceptors: Pick<WorkerInterceptors, 'activity'>;
  sinks: InjectedSinks<OpenTelemetrySinks>;
} {
  return {
    interceptors: {
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: tracing ? makeWorkflowExporter(tracing.spanProcessor, tracing.resource) : dropSpans },
  };
}

const dropSpans: InjectedSinks<OpenTelemetrySinks>['exporter'] = { export: { fn: () => undefined } };
