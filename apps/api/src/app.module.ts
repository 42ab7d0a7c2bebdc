import { randomUUID } from 'node:crypto';
import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ZodSerializerInterceptor } from 'nestjs-zod';
import { JwtModule } from '@nestjs/jwt';
import { Client } from '@temporalio/client';
import { LoggerModule } from 'nestjs-pino';
import { ApplicationModule, AppConfig, LoginService, PasswordHasher } from '@safety/application';
import { activeTraceIds, REDACT_PATHS } from '@safety/application/logging';
import { LoginThrottleRepository, PersistenceModule } from '@safety/persistence';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { SessionService } from './auth/session.service';
import { CalendarController } from './calendar/calendar.controller';
import { CasesApiModule } from './cases/cases-api.module';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { HealthController } from './health/health.controller';
import { requestPipeline } from './http/request-guards';
import { WorkerPollers } from './health/worker-pollers';
import { Readiness } from './health/readiness';
import { ApiMetrics } from './telemetry/api-metrics';
import { MetricsController } from './telemetry/metrics.controller';
import { MetricsListener } from './telemetry/metrics-listener';
import { TracingFlush } from './telemetry/tracing-flush';
import { InspectionApiModule } from './inspection/inspection-api.module';
import { AccidentApiModule } from './accident/accident-api.module';
import { ComplaintApiModule } from './complaint/complaint-api.module';
import { IndicatorApiModule } from './indicators/indicator-api.module';
import { SupervisionApiModule } from './supervision/supervision-api.module';
import { EnforcementApiModule } from './enforcement/enforcement-api.module';
import { OrganisationController } from './organisation/organisation.controller';
import { OrganisationQueries } from './organisation/organisation.queries';
import { TasksApiModule } from './tasks/tasks-api.module';
import { ApiTemporalModule } from './temporal/api-temporal.module';
import { RequestValidationPipe } from './validation/validation.pipe';

@Module({})
export class AppModule implements NestModule {
  /** The request checks and JSON parser, after the (global) request logger and before every route or 404. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(...requestPipeline()).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }

  /** `temporalClient` lets tests hand in the time-skipping server's client; production builds one from config. */
  static forConfig(cfg: AppConfig, opts: { temporalClient?: Client } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: cfg.LOG_LEVEL,
            redact: { paths: REDACT_PATHS, censor: '***' },
            // Correlation id: the caller's x-request-id when sane, else a fresh one; echoed in the response and error bodies.
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
              res.setHeader('x-request-id', id);
              return id;
            },
            customProps: () => ({ service: 'api' }),
            mixin: activeTraceIds,
            autoLogging: { ignore: (req) => /^\/(health|metrics)(\/|\?|$)/.test(req.url ?? '') },
          },
        }),
        PersistenceModule.forRoot(cfg.DATABASE_URL, { appRole: cfg.DATABASE_APP_ROLE }),
        // One algorithm, issuer and audience, both ways: a token signed otherwise is refused.
        JwtModule.register({
          global: true,
          secret: cfg.JWT_SECRET,
          signOptions: {
            algorithm: 'HS256',
            expiresIn: cfg.JWT_TTL_SECONDS,
            issuer: cfg.JWT_ISSUER,
            audience: cfg.JWT_AUDIENCE,
          },
          verifyOptions: { algorithms: ['HS256'], issuer: cfg.JWT_ISSUER, audience: cfg.JWT_AUDIENCE },
        }),
        ApplicationModule,
        ApiTemporalModule.forRoot(cfg, opts.temporalClient),
        InspectionApiModule,
        AccidentApiModule,
        ComplaintApiModule,
        IndicatorApiModule,
        SupervisionApiModule,
        EnforcementApiModule,
        TasksApiModule,
        CasesApiModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        AuditController,
        CalendarController,
        OrganisationController,
        MetricsController,
      ],
      providers: [
        LoginThrottleRepository,
        LoginService,
        SessionService,
        OrganisationQueries,
        {
          provide: PasswordHasher,
          useFactory: () => new PasswordHasher(cfg.PASSWORD_HASH_CONCURRENCY, cfg.PASSWORD_HASH_QUEUE),
        },
        WorkerPollers,
        Readiness,
        ApiMetrics,
        MetricsListener,
        TracingFlush,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        // Unknown fields are a 400, never silently dropped; every problem is reported at once.
        { provide: APP_PIPE, useClass: RequestValidationPipe },
        // Responses are parsed by their declared schema: what is not declared is not sent.
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
      ],
    };
  }
}
