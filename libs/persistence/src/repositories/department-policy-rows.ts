import { DataSource, EntityTarget, FindOptionsWhere, In } from 'typeorm';
import { managerOf, Transaction } from '../unit-of-work';

/**
 * A department's overrides of one policy's defaults, one row per department: the shape every `*_policies` table
 * shares. Read for the departments of a chain (the policy resolves from the root down), written whole by an
 * administrator.
 */
export class DepartmentPolicyRows<Row extends { departmentId: string }> {
  constructor(
    private readonly ds: DataSource,
    private readonly entity: EntityTarget<Row>,
  ) {}

  findPolicies(departmentIds: string[], tx?: Transaction): Promise<Row[]> {
    if (!departmentIds.length) return Promise.resolve([]);
    const where = { departmentId: In(departmentIds) } as FindOptionsWhere<Row>;
    return managerOf(this.ds, tx).find(this.entity, { where });
  }

  async upsertPolicy(departmentId: string, overrides: Record<string, unknown>, updatedBy: string, tx: Transaction) {
    // The table name comes from the entity's metadata, never from a caller.
    const table = this.ds.driver.escape(this.ds.getMetadata(this.entity).tableName);
    await managerOf(this.ds, tx).query(
      `INSERT INTO ${table} (department_id, overrides, updated_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (department_id) DO UPDATE
         SET overrides = EXCLUDED.overrides, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [departmentId, JSON.stringify(overrides), updatedBy],
    );
  }
}
