import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationModule, AppConfig } from '@safety/application';
import { dataSourceOptions } from '@safety/persistence';

/** The worker's Nest application context: the same application services the API uses, no HTTP. */
@Module({})
export class WorkerModule {
  static forConfig(cfg: AppConfig) {
    return {
      module: WorkerModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(cfg.DATABASE_URL, { appRole: cfg.DATABASE_APP_ROLE })),
        ApplicationModule,
      ],
    };
  }
}
