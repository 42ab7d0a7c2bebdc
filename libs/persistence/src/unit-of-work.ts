import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

const MANAGER = Symbol('transaction manager');

/**
 * An open database transaction. Services receive it from `UnitOfWork.transaction` and hand it to the
 * repositories that must write together; only libs/persistence can look inside, so no service ever
 * touches TypeORM.
 */
export interface Transaction {
  readonly [MANAGER]: EntityManager;
}

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** The entity manager of the caller's transaction, or the data source's own (autocommit) manager. */
export function managerOf(ds: DataSource, tx?: Transaction): EntityManager {
  return tx ? tx[MANAGER] : ds.manager;
}

/** Runs work in the caller's transaction when there is one, else in a transaction of its own. */
export function withinTransaction<T>(
  ds: DataSource,
  tx: Transaction | undefined,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return tx ? work(tx) : ds.transaction((manager) => work({ [MANAGER]: manager }));
}

/** Runs work in one database transaction: it commits when the work resolves and rolls back when it throws. */
@Injectable()
export class UnitOfWork {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(work: (tx: Transaction) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    const run = (manager: EntityManager) => work({ [MANAGER]: manager });
    return isolation ? this.ds.transaction(isolation, run) : this.ds.transaction(run);
  }

  /** A round trip to the database (readiness probe). */
  async ping(): Promise<void> {
    await this.ds.query('SELECT 1');
  }
}
