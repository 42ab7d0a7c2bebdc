import { DynamicModule, Global, Module } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfig, ApplicationModule } from '@safety/application';
import { TEMPORAL_CLIENT, temporalClientProvider } from './temporal.providers';
import { WorkflowAnswers } from './workflow-answers';
import { WorkflowStarter } from './workflow-starter';

/**
 * One Temporal client and the validated config for the whole API, visible to every feature
 * module. Tests hand in the time-skipping server's client; production builds one from config.
 */
@Global()
@Module({})
export class ApiTemporalModule {
  static forRoot(cfg: AppConfig, temporalClient?: Client): DynamicModule {
    return {
      module: ApiTemporalModule,
      global: true,
      imports: [ApplicationModule],
      providers: [
        { provide: AppConfig, useValue: cfg },
        temporalClient ? { provide: TEMPORAL_CLIENT, useValue: temporalClient } : temporalClientProvider,
        WorkflowAnswers,
        WorkflowStarter,
      ],
      exports: [AppConfig, TEMPORAL_CLIENT, WorkflowAnswers, WorkflowStarter],
    };
  }
}
