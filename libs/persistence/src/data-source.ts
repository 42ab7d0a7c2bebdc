import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from './entities';
import { InitialSchema1763800000000 } from './migrations/1763800000000-InitialSchema';
import { PenaltyGeneralProcedure1763900000000 } from './migrations/1763900000000-PenaltyGeneralProcedure';
import { Inspection1764000000000 } from './migrations/1764000000000-Inspection';
import { Accidents1764100000000 } from './migrations/1764100000000-Accidents';

// Statutory dates are local China dates: keep PostgreSQL `date` (and date[]) as 'YYYY-MM-DD' strings
// instead of letting node-pg turn them into Date objects at the process's time zone.
types.setTypeParser(1082, (v: string) => v);
(types.setTypeParser as (oid: number, parse: (v: string) => unknown) => void)(1182, (v: string) => (v === '{}' ? [] : v.slice(1, -1).split(',')));

/** Reviewed migrations, in order. `synchronize` is never used (ARCHITECTURE.md pattern 4). */
export const MIGRATIONS = [InitialSchema1763800000000, PenaltyGeneralProcedure1763900000000, Inspection1764000000000, Accidents1764100000000];

export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ALL_ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // Keep pools small: API and worker each hold one; tests open one per file.
    extra: { max: 10 },
    ...extra,
  } as DataSourceOptions;
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
