import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from './entities';
import { InitialSchema1763800000000 } from './migrations/1763800000000-InitialSchema';
import { PenaltyGeneralProcedure1763900000000 } from './migrations/1763900000000-PenaltyGeneralProcedure';
import { Inspection1764000000000 } from './migrations/1764000000000-Inspection';
import { Accidents1764100000000 } from './migrations/1764100000000-Accidents';
import { AppRole1764200000000 } from './migrations/1764200000000-AppRole';
import { LoginThrottle1764300000000 } from './migrations/1764300000000-LoginThrottle';
import { StepKernel1764310000000 } from './migrations/1764310000000-StepKernel';
import { OpenTaskCountsIndex1764350000000 } from './migrations/1764350000000-OpenTaskCountsIndex';
import { AuditStreams1765000000000 } from './migrations/1765000000000-AuditStreams';
import { InboxAndSearchIndexes1765100000000 } from './migrations/1765100000000-InboxAndSearchIndexes';
import { LinkedAndPublicListIndexes1765200000000 } from './migrations/1765200000000-LinkedAndPublicListIndexes';
import { CaseDisciplineReferrals1765300000000 } from './migrations/1765300000000-CaseDisciplineReferrals';
import { LegalReviewCatalogues1765310000000 } from './migrations/1765310000000-LegalReviewCatalogues';
import { Complaints1765320000000 } from './migrations/1765320000000-Complaints';
import { PublicReportAndDrawIndexes1765330000000 } from './migrations/1765330000000-PublicReportAndDrawIndexes';
import { TasksAwaitingCalendar1765330000001 } from './migrations/1765330000001-TasksAwaitingCalendar';
import { PublishedIndicatorResults1765610000000 } from './migrations/1765610000000-PublishedIndicatorResults';
import { AccidentDepartmentPolicies1765610000001 } from './migrations/1765610000001-AccidentDepartmentPolicies';
import { ComplaintPenaltyCase1765630000000 } from './migrations/1765630000000-ComplaintPenaltyCase';
import { PublishedSummonsIndex1765630100000 } from './migrations/1765630100000-PublishedSummonsIndex';
import { AccidentNationalReportsAndNotifications1765510000000 } from './migrations/1765510000000-AccidentNationalReportsAndNotifications';
import { Supervision1765400000000 } from './migrations/1765400000000-Supervision';
import { Indicators1765410000000 } from './migrations/1765410000000-Indicators';
import { AccidentUpwardReportsAndConsequences1765420000000 } from './migrations/1765420000000-AccidentUpwardReportsAndConsequences';
import { CasualtyRevisionReceipts1765440000000 } from './migrations/1765440000000-CasualtyRevisionReceipts';

// Statutory dates are local China dates: keep PostgreSQL `date` (and date[]) as 'YYYY-MM-DD' strings
// instead of letting node-pg turn them into Date objects at the process's time zone.
types.setTypeParser(1082, (v: string) => v);
(types.setTypeParser as (oid: number, parse: (v: string) => unknown) => void)(1182, (v: string) =>
  v === '{}' ? [] : v.slice(1, -1).split(','),
);

/** Reviewed migrations, in order. `synchronize` is never used (ARCHITECTURE.md pattern 4). */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  PenaltyGeneralProcedure1763900000000,
  Inspection1764000000000,
  Accidents1764100000000,
  AppRole1764200000000,
  LoginThrottle1764300000000,
  StepKernel1764310000000,
  OpenTaskCountsIndex1764350000000,
  AuditStreams1765000000000,
  InboxAndSearchIndexes1765100000000,
  LinkedAndPublicListIndexes1765200000000,
  CaseDisciplineReferrals1765300000000,
  LegalReviewCatalogues1765310000000,
  Complaints1765320000000,
  PublicReportAndDrawIndexes1765330000000,
  TasksAwaitingCalendar1765330000001,
  Supervision1765400000000,
  Indicators1765410000000,
  AccidentUpwardReportsAndConsequences1765420000000,
  CasualtyRevisionReceipts1765440000000,
  AccidentNationalReportsAndNotifications1765510000000,
  PublishedIndicatorResults1765610000000,
  AccidentDepartmentPolicies1765610000001,
  ComplaintPenaltyCase1765630000000,
  PublishedSummonsIndex1765630100000,
];

/**
 * Options for the application's connections. With `appRole`, every session acts as that role
 * (`-c role=…`), which cannot change the audit log (migration AppRole1764200000000); migrations and
 * administrative scripts connect without it, as the owner.
 */
export function dataSourceOptions(url: string, opts: { appRole?: string | null } = {}): DataSourceOptions {
  if (opts.appRole && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.appRole))
    throw new Error(`invalid database role name ${opts.appRole}`);
  return {
    type: 'postgres',
    url,
    entities: ALL_ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // Keep pools small: API and worker each hold one; tests open one per file.
    extra: { max: 10, ...(opts.appRole ? { options: `-c role=${opts.appRole}` } : {}) },
  } as DataSourceOptions;
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
