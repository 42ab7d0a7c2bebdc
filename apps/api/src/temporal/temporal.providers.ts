import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '@safety/application/config/app-config';
import { connectionOptions } from '@safety/temporal/runtime/connection';
import { tracingClientInterceptors } from '@safety/temporal/runtime/tracing';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** A lazily connecting client: the API boots while Temporal is down and /health/ready reports it. */
export const temporalClientProvider = {
  provide: TEMPORAL_CLIENT,
  inject: [AppConfig],
  useFactory: (cfg: AppConfig) =>
    new Client({
      connection: Connection.lazy(
        connectionOptions({
          address: cfg.TEMPORAL_ADDRESS,
          namespace: cfg.TEMPORAL_NAMESPACE,
          taskQueue: cfg.TEMPORAL_TASK_QUEUE,
          tls: {
            certPath: cfg.TEMPORAL_TLS_CERT_PATH,
            keyPath: cfg.TEMPORAL_TLS_KEY_PATH,
            caPath: cfg.TEMPORAL_TLS_CA_PATH,
          },
        }),
      ),
      namespace: cfg.TEMPORAL_NAMESPACE,
      interceptors: tracingClientInterceptors(),
    }),
};
