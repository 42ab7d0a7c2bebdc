import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AccidentDepartmentPolicyEntity,
  AccidentReportingConsequenceEntity,
  AccidentReportNotificationEntity,
  AccidentUpwardReportEntity,
} from '../entities/accident.entities';
import { managerOf, Transaction } from '../unit-of-work';
import { DepartmentPolicyRows } from './department-policy-rows';

/** SQL of 逐级上报 (条例 Art.10–11) and of the consequences of reporting violations (Art.36). */
@Injectable()
export class AccidentReportingRepository {
  /** Each department's overrides of the policy's defaults. */
  readonly policies: DepartmentPolicyRows<AccidentDepartmentPolicyEntity>;

  constructor(private readonly ds: DataSource) {
    this.policies = new DepartmentPolicyRows(ds, AccidentDepartmentPolicyEntity);
  }

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  /** Idempotent by the task key: a retried activity keeps the first instant. */
  async recordUpwardReport(row: Omit<AccidentUpwardReportEntity, 'createdAt'>, tx?: Transaction): Promise<void> {
    await this.em(tx).createQueryBuilder().insert().into(AccidentUpwardReportEntity).values(row).orIgnore().execute();
  }

  listUpwardReports(caseId: string, tx?: Transaction): Promise<AccidentUpwardReportEntity[]> {
    return this.em(tx).getRepository(AccidentUpwardReportEntity).find({ where: { caseId } });
  }

  /** One per department and body (条例 Art.10(1)): a retried activity, or a body recorded twice, keeps the first. */
  async recordNotifications(
    rows: Array<Omit<AccidentReportNotificationEntity, 'id' | 'createdAt'>>,
    tx?: Transaction,
  ): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await this.em(tx)
      .createQueryBuilder()
      .insert()
      .into(AccidentReportNotificationEntity)
      .values(rows)
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length as number;
  }

  listNotifications(caseId: string, tx?: Transaction): Promise<AccidentReportNotificationEntity[]> {
    return this.em(tx)
      .getRepository(AccidentReportNotificationEntity)
      .find({ where: { caseId }, order: { notifiedAt: 'ASC', body: 'ASC' } });
  }

  findConsequence(linkKey: string, tx?: Transaction): Promise<AccidentReportingConsequenceEntity | null> {
    return this.em(tx).getRepository(AccidentReportingConsequenceEntity).findOne({ where: { linkKey } });
  }

  insertConsequence(
    row: Omit<AccidentReportingConsequenceEntity, 'id' | 'createdAt'>,
    tx: Transaction,
  ): Promise<AccidentReportingConsequenceEntity> {
    const repo = this.em(tx).getRepository(AccidentReportingConsequenceEntity);
    return repo.save(repo.create(row));
  }

  listConsequences(caseId: string, tx?: Transaction): Promise<AccidentReportingConsequenceEntity[]> {
    return this.em(tx)
      .getRepository(AccidentReportingConsequenceEntity)
      .find({ where: { caseId }, order: { createdAt: 'ASC', linkKey: 'ASC' } });
  }
}
