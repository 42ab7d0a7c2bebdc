import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source';

/** The database connection for a Nest application (API or worker); the repositories and `UnitOfWork` need it in scope. */
@Module({})
export class PersistenceModule {
  static forRoot(url: string, opts: { appRole?: string | null } = {}): DynamicModule {
    return { module: PersistenceModule, imports: [TypeOrmModule.forRoot(dataSourceOptions(url, opts))] };
  }
}
