import { Module } from '@nestjs/common';
import { ApplicationModule, AppConfig } from '@safety/application';
import { PersistenceModule } from '@safety/persistence';
import { AuditAnchoring } from './audit-anchoring';

/** The worker's Nest application context: the same application services the API uses, no HTTP. */
@Module({})
export class WorkerModule {
  static forConfig(cfg: AppConfig) {
    return {
      module: WorkerModule,
      imports: [PersistenceModule.forRoot(cfg.DATABASE_URL, { appRole: cfg.DATABASE_APP_ROLE }), ApplicationModule],
      providers: [{ provide: AppConfig, useValue: cfg }, AuditAnchoring],
    };
  }
}
