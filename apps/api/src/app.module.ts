import { randomUUID } from 'node:crypto';
import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { Client } from '@temporalio/client';
import { LoggerModule } from 'nestjs-pino';
import { ApplicationModule, AppConfig } from '@safety/application';
import { REDACT_PATHS } from '@safety/application/logging';
import { PersistenceModule } from '@safety/persistence';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { CalendarController } from './calendar/calendar.controller';
import { CasesController } from './cases/cases.controller';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { HealthController } from './health/health.controller';
import { InspectionApiModule } from './inspection/inspection-api.module';
import { AccidentApiModule } from './accident/accident-api.module';
import { EnforcementApiModule } from './enforcement/enforcement-api.module';
import { OrganisationController } from './organisation/organisation.controller';
import { TasksController } from './tasks/tasks.controller';
import { ApiTemporalModule } from './temporal/api-temporal.module';

@Module({})
export class AppModule {
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
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
        PersistenceModule.forRoot(cfg.DATABASE_URL, { appRole: cfg.DATABASE_APP_ROLE }),
        JwtModule.register({ global: true, secret: cfg.JWT_SECRET, signOptions: { expiresIn: cfg.JWT_TTL_SECONDS } }),
        ApplicationModule,
        ApiTemporalModule.forRoot(cfg, opts.temporalClient),
        InspectionApiModule,
        AccidentApiModule,
        EnforcementApiModule,
      ],
      controllers: [
        HealthController,
        AuthController,
        CasesController,
        TasksController,
        AuditController,
        CalendarController,
        OrganisationController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        // whitelist + forbidNonWhitelisted: unknown fields are a 400, never silently dropped.
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
        },
      ],
    };
  }
}
