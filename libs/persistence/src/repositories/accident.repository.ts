import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, In, ObjectLiteral, Repository } from 'typeorm';
import { managerOf, Transaction } from '../unit-of-work';
import {
  AccidentCasualtyRevisionEntity,
  AccidentEducationSessionEntity,
  AccidentEntity,
  AccidentEvaluationEntity,
  AccidentRectificationMeasureEntity,
  AccidentReportEntity,
  AccidentResponsiblePartyEntity,
  AccidentSupervisedListingEntity,
  AccidentTeamMemberEntity,
  DisciplineReferralEntity,
  DisciplineReferralProposalEntity,
  NearMissEntity,
} from '../entities/accident.entities';
import { CaseEntity } from '../entities/case.entities';
import { KeysetPage, keysetQuery, newestFirst, PageRequest } from '../keyset';

export interface DepartmentChainRow {
  id: string;
  level: 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWN' | 'PARK';
  kind: string;
  regionId: string;
  depth: number;
}

export interface StatisticsRow {
  key: string | null;
  label: string | null;
  accidents: number;
  deaths: number;
  largerOrAbove: number;
}

export interface PublishedReportRow {
  report: AccidentReportEntity;
  accident: AccidentEntity;
  enterpriseName: string | null;
  /** A natural person: masked wherever the report is shown to the public. */
  enterprisePrincipalName: string | null;
  sectorName: string;
  regionName: string;
}

const NEWEST_PUBLISHED_REPORTS = newestFirst('r.published_at', 'r.id');

const NEWEST_ACCIDENTS = newestFirst('a.occurred_at', 'a.case_id');
const NEWEST_REFERRALS = newestFirst('r.sent_at', 'r.id');

const NEWEST_PROPOSALS = {
  sort: 'newest',
  direction: 'DESC' as const,
  columns: [
    { sql: 'rp.proposed_at', part: 'timestamp' as const },
    { sql: 'rp.id', part: 'uuid' as const },
  ],
};

/** All SQL of the accident area and of discipline referrals. */
@Injectable()
export class AccidentRepository {
  constructor(private readonly ds: DataSource) {}

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  private of<T extends ObjectLiteral>(entity: EntityTarget<T>, tx?: Transaction): Repository<T> {
    return this.em(tx).getRepository(entity);
  }

  findAccident(caseId: string, tx?: Transaction, lock = false): Promise<AccidentEntity | null> {
    return this.of(AccidentEntity, tx).findOne({
      where: { caseId },
      ...(lock && tx ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async insertAccident(row: Partial<AccidentEntity>, tx: Transaction): Promise<AccidentEntity> {
    return this.of(AccidentEntity, tx).save(this.of(AccidentEntity, tx).create(row));
  }

  async updateAccident(caseId: string, patch: Partial<AccidentEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentEntity, tx).update({ caseId }, patch as never);
  }
  /** Keyset page of the accidents the departments investigate or reported, newest first, each with its case row. */
  async accidentsPage(
    q: PageRequest & { departmentIds: string[]; status?: string; grade?: string },
  ): Promise<KeysetPage<{ accident: AccidentEntity; c: CaseEntity }>> {
    const deps = q.departmentIds.length ? q.departmentIds : ['00000000-0000-0000-0000-000000000000'];
    const qb = this.of(AccidentEntity)
      .createQueryBuilder('a')
      .innerJoin(CaseEntity, 'c', 'c.id = a.case_id')
      .where('(a.investigating_department_id IN (:...deps) OR a.reporting_department_id IN (:...deps))', { deps });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.grade) qb.andWhere('a.grade = :grade', { grade: q.grade });
    const page = await keysetQuery(qb, NEWEST_ACCIDENTS, q);
    const cases = page.items.length
      ? await this.of(CaseEntity).findBy({ id: In(page.items.map((a) => a.caseId)) })
      : [];
    return {
      ...page,
      items: page.items.map((accident) => ({ accident, c: cases.find((c) => c.id === accident.caseId)! })),
    };
  }

  findRevision(revisionKey: string, tx?: Transaction): Promise<AccidentCasualtyRevisionEntity | null> {
    return this.of(AccidentCasualtyRevisionEntity, tx).findOne({ where: { revisionKey } });
  }

  async insertRevision(row: Partial<AccidentCasualtyRevisionEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentCasualtyRevisionEntity, tx).insert(row as never);
  }

  async insertReport(row: Partial<AccidentReportEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentReportEntity, tx).insert(row as never);
  }

  async updateReport(id: string, patch: Partial<AccidentReportEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentReportEntity, tx).update({ id }, patch as never);
  }

  async insertParty(row: Partial<AccidentResponsiblePartyEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentResponsiblePartyEntity, tx).insert(row as never);
  }

  findParty(id: string, tx?: Transaction): Promise<AccidentResponsiblePartyEntity | null> {
    return this.of(AccidentResponsiblePartyEntity, tx).findOne({ where: { id } });
  }

  async updateParty(id: string, patch: Partial<AccidentResponsiblePartyEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentResponsiblePartyEntity, tx).update({ id }, patch as never);
  }

  async insertMeasure(row: Partial<AccidentRectificationMeasureEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentRectificationMeasureEntity, tx).insert(row as never);
  }

  /** A rectification measure, optionally only when it belongs to the case. */
  findMeasure(id: string, tx?: Transaction, caseId?: string): Promise<AccidentRectificationMeasureEntity | null> {
    return this.of(AccidentRectificationMeasureEntity, tx).findOne({
      where: caseId === undefined ? { id } : { id, caseId },
    });
  }

  async updateMeasure(id: string, patch: Partial<AccidentRectificationMeasureEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentRectificationMeasureEntity, tx).update({ id }, patch as never);
  }

  async insertEvaluation(row: Partial<AccidentEvaluationEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentEvaluationEntity, tx).insert(row as never);
  }

  async updateEvaluation(caseId: string, patch: Partial<AccidentEvaluationEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentEvaluationEntity, tx).update({ caseId }, patch as never);
  }

  async insertListing(row: Partial<AccidentSupervisedListingEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentSupervisedListingEntity, tx).insert(row as never);
  }

  async updateListing(caseId: string, patch: Partial<AccidentSupervisedListingEntity>, tx: Transaction): Promise<void> {
    await this.of(AccidentSupervisedListingEntity, tx).update({ caseId }, patch as never);
  }

  async insertEducation(
    row: Partial<AccidentEducationSessionEntity>,
    tx: Transaction,
  ): Promise<AccidentEducationSessionEntity> {
    return this.of(AccidentEducationSessionEntity, tx).save(this.of(AccidentEducationSessionEntity, tx).create(row));
  }

  async insertNearMiss(row: Partial<NearMissEntity>, tx: Transaction): Promise<NearMissEntity> {
    return this.of(NearMissEntity, tx).save(this.of(NearMissEntity, tx).create(row));
  }

  /** The department and its ancestors, nearest first. */
  async departmentChain(departmentId: string, tx?: Transaction): Promise<DepartmentChainRow[]> {
    const rows: Array<{
      id: string;
      level: DepartmentChainRow['level'];
      kind: string;
      region_id: string;
      depth: number;
    }> = await this.em(tx).query(
      `WITH RECURSIVE up AS (
         SELECT id, level, kind, region_id, parent_id, 0 AS depth FROM departments WHERE id = $1
         UNION ALL SELECT d.id, d.level, d.kind, d.region_id, d.parent_id, up.depth + 1 FROM departments d JOIN up ON d.id = up.parent_id WHERE up.depth < 20)
       SELECT id, level, kind, region_id, depth FROM up ORDER BY depth`,
      [departmentId],
    );
    return rows.map((r) => ({ id: r.id, level: r.level, kind: r.kind, regionId: r.region_id, depth: r.depth }));
  }

  /** Departments of `kind` in the region or its nearest ancestor region that has one (valid today). */
  async findDepartmentOfKindInRegionChain(regionId: string, kind: string, tx?: Transaction): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.em(tx).query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, 0 AS depth FROM regions WHERE id = $1
         UNION ALL SELECT r.id, r.parent_id, up.depth + 1 FROM regions r JOIN up ON r.id = up.parent_id WHERE up.depth < 20)
       SELECT d.id FROM up JOIN departments d ON d.region_id = up.id
        WHERE d.kind = $2 AND (d.valid_to IS NULL OR d.valid_to >= CURRENT_DATE)
        ORDER BY up.depth, d.created_at LIMIT 1`,
      [regionId, kind],
    );
    return rows[0]?.id ?? null;
  }

  listTeam(caseId: string, tx?: Transaction): Promise<AccidentTeamMemberEntity[]> {
    return this.of(AccidentTeamMemberEntity, tx).find({
      where: { caseId },
      order: { createdAt: 'ASC', teamRole: 'ASC' },
    });
  }

  async replaceTeam(
    caseId: string,
    members: Array<{ userId: string; teamRole: string; departmentId: string }>,
    tx: Transaction,
  ): Promise<void> {
    await this.of(AccidentTeamMemberEntity, tx).delete({ caseId });
    for (const x of members) await this.of(AccidentTeamMemberEntity, tx).insert({ caseId, ...x });
  }

  latestReport(caseId: string, tx?: Transaction): Promise<AccidentReportEntity | null> {
    return this.of(AccidentReportEntity, tx).findOne({ where: { caseId }, order: { version: 'DESC' } });
  }

  findReport(caseId: string, version: number, tx?: Transaction): Promise<AccidentReportEntity | null> {
    return this.of(AccidentReportEntity, tx).findOne({ where: { caseId, version } });
  }

  listParties(caseId: string, reportVersion: number, tx?: Transaction): Promise<AccidentResponsiblePartyEntity[]> {
    return this.of(AccidentResponsiblePartyEntity, tx).find({
      where: { caseId, reportVersion },
      order: { seq: 'ASC' },
    });
  }

  listMeasures(caseId: string, reportVersion: number, tx?: Transaction): Promise<AccidentRectificationMeasureEntity[]> {
    return this.of(AccidentRectificationMeasureEntity, tx).find({
      where: { caseId, reportVersion },
      order: { seq: 'ASC' },
    });
  }

  listEducation(caseId: string, tx?: Transaction): Promise<AccidentEducationSessionEntity[]> {
    return this.of(AccidentEducationSessionEntity, tx).find({
      where: { caseId },
      order: { heldOn: 'ASC', createdAt: 'ASC' },
    });
  }

  listRevisions(caseId: string): Promise<AccidentCasualtyRevisionEntity[]> {
    return this.of(AccidentCasualtyRevisionEntity).find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  findEvaluation(caseId: string, tx?: Transaction): Promise<AccidentEvaluationEntity | null> {
    return this.of(AccidentEvaluationEntity, tx).findOne({ where: { caseId } });
  }

  findListing(caseId: string, tx?: Transaction): Promise<AccidentSupervisedListingEntity | null> {
    return this.of(AccidentSupervisedListingEntity, tx).findOne({ where: { caseId } });
  }

  findReferral(id: string, tx?: Transaction): Promise<DisciplineReferralEntity | null> {
    return this.of(DisciplineReferralEntity, tx).findOne({ where: { id } });
  }

  findReferralForParty(
    sourceCaseId: string,
    sourcePartyId: string,
    tx?: Transaction,
  ): Promise<DisciplineReferralEntity | null> {
    return this.of(DisciplineReferralEntity, tx).findOne({ where: { sourceCaseId, sourcePartyId } });
  }

  async insertReferral(row: Partial<DisciplineReferralEntity>, tx: Transaction): Promise<DisciplineReferralEntity> {
    return this.of(DisciplineReferralEntity, tx).save(this.of(DisciplineReferralEntity, tx).create(row));
  }

  async updateReferral(id: string, patch: Partial<DisciplineReferralEntity>, tx: Transaction): Promise<void> {
    await this.of(DisciplineReferralEntity, tx).update({ id }, patch as never);
  }

  findReferralByWorkflow(workflowId: string, tx?: Transaction): Promise<DisciplineReferralEntity | null> {
    return this.of(DisciplineReferralEntity, tx).findOne({ where: { workflowId } });
  }

  insertProposal(
    row: Partial<DisciplineReferralProposalEntity>,
    tx: Transaction,
  ): Promise<DisciplineReferralProposalEntity> {
    const repo = this.of(DisciplineReferralProposalEntity, tx);
    return repo.save(repo.create(row));
  }

  findProposal(id: string, tx?: Transaction): Promise<DisciplineReferralProposalEntity | null> {
    return this.of(DisciplineReferralProposalEntity, tx).findOne({ where: { id } });
  }

  /** The proposal row locked for its decision, so a retried activity and a concurrent one decide once. */
  lockProposal(id: string, tx: Transaction): Promise<DisciplineReferralProposalEntity | null> {
    return this.of(DisciplineReferralProposalEntity, tx).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async updateProposal(id: string, patch: Partial<DisciplineReferralProposalEntity>, tx: Transaction): Promise<void> {
    await this.of(DisciplineReferralProposalEntity, tx).update({ id }, patch as never);
  }

  findProposalByReferral(referralId: string, tx?: Transaction): Promise<DisciplineReferralProposalEntity | null> {
    return this.of(DisciplineReferralProposalEntity, tx).findOne({ where: { referralId } });
  }

  findReferralsByIds(ids: string[]): Promise<DisciplineReferralEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.of(DisciplineReferralEntity).find({ where: { id: In(ids) } });
  }

  /** Keyset page of the referrals proposed from one case, newest first. */
  proposalsPage(sourceCaseId: string, q: PageRequest): Promise<KeysetPage<DisciplineReferralProposalEntity>> {
    const qb = this.of(DisciplineReferralProposalEntity)
      .createQueryBuilder('rp')
      .where('rp.source_case_id = :sourceCaseId', { sourceCaseId });
    return keysetQuery(qb, NEWEST_PROPOSALS, q);
  }

  /** Keyset page of the referrals the department sent or received, newest first. */
  async referralsPage(
    q: PageRequest & { sentBy?: string; receivedBy?: string; status?: string },
  ): Promise<KeysetPage<DisciplineReferralEntity>> {
    const sides: string[] = [];
    if (q.sentBy) sides.push('r.sender_department_id = :sentBy');
    if (q.receivedBy) sides.push('r.receiving_department_id = :receivedBy');
    if (sides.length === 0) return { items: [], nextCursor: null, total: 0, totalExact: true };
    const qb = this.of(DisciplineReferralEntity)
      .createQueryBuilder('r')
      .where(`(${sides.join(' OR ')})`, { sentBy: q.sentBy, receivedBy: q.receivedBy });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    return keysetQuery(qb, NEWEST_REFERRALS, q);
  }
  /** Accidents per group in [from, to): grade, sector or region of the accident; only departments in scope. */
  async statistics(q: {
    departmentIds: string[];
    from: Date;
    to: Date;
    groupBy: 'grade' | 'sector' | 'region';
  }): Promise<StatisticsRow[]> {
    const key = { grade: 'a.grade', sector: 'a.sector_code', region: 'a.region_id::text' }[q.groupBy];
    const label = { grade: 'a.grade', sector: 's.name', region: 'r.name' }[q.groupBy];
    const rows: Array<{ key: string | null; label: string | null; accidents: string; deaths: string; larger: string }> =
      await this.ds.query(
        `SELECT ${key} AS key, ${label} AS label, count(*) AS accidents, coalesce(sum(a.deaths), 0) AS deaths,
              count(*) FILTER (WHERE a.grade <> 'GENERAL') AS larger
         FROM accidents a JOIN sectors s ON s.code = a.sector_code JOIN regions r ON r.id = a.region_id
        WHERE a.occurred_at >= $1 AND a.occurred_at < $2
          AND (a.investigating_department_id = ANY($3::uuid[]) OR a.reporting_department_id = ANY($3::uuid[]))
        GROUP BY 1, 2 ORDER BY 1`,
        [q.from, q.to, q.departmentIds],
      );
    return rows.map((r) => ({
      key: r.key,
      label: r.label,
      accidents: Number(r.accidents),
      deaths: Number(r.deaths),
      largerOrAbove: Number(r.larger),
    }));
  }
  listNearMisses(q: {
    departmentIds: string[];
    from?: Date;
    to?: Date;
    kind?: string;
    sectorCode?: string;
    offset: number;
    limit: number;
  }): Promise<[NearMissEntity[], number]> {
    const qb = this.of(NearMissEntity)
      .createQueryBuilder('n')
      .where('n.department_id IN (:...deps)', {
        deps: q.departmentIds.length ? q.departmentIds : ['00000000-0000-0000-0000-000000000000'],
      });
    if (q.from) qb.andWhere('n.occurred_at >= :from', { from: q.from });
    if (q.to) qb.andWhere('n.occurred_at < :to', { to: q.to });
    if (q.kind) qb.andWhere('n.kind = :kind', { kind: q.kind });
    if (q.sectorCode) qb.andWhere('n.sector_code = :sector', { sector: q.sectorCode });
    return qb.orderBy('n.occurred_at', 'DESC').skip(q.offset).take(q.limit).getManyAndCount();
  }

  async nearMissAnalysis(q: { departmentIds: string[]; from: Date; to: Date }): Promise<
    Array<{
      sectorCode: string;
      sectorName: string;
      causeCategory: string;
      kind: string;
      events: number;
      minorInjuries: number;
    }>
  > {
    const rows: Array<{
      sector_code: string;
      sector_name: string;
      cause_category: string;
      kind: string;
      events: string;
      injuries: string;
    }> = await this.ds.query(
      `SELECT n.sector_code, s.name AS sector_name, n.cause_category, n.kind, count(*) AS events, coalesce(sum(n.minor_injuries), 0) AS injuries
         FROM near_misses n JOIN sectors s ON s.code = n.sector_code
        WHERE n.department_id = ANY($1::uuid[]) AND n.occurred_at >= $2 AND n.occurred_at < $3
        GROUP BY 1, 2, 3, 4 ORDER BY count(*) DESC, 1, 3, 4`,
      [q.departmentIds, q.from, q.to],
    );
    return rows.map((r) => ({
      sectorCode: r.sector_code,
      sectorName: r.sector_name,
      causeCategory: r.cause_category,
      kind: r.kind,
      events: Number(r.events),
      minorInjuries: Number(r.injuries),
    }));
  }

  /** Approved, published reports, newest first (one per accident: the approved version). */
  /** Published reports, newest publication first (approved but not yet published ones are not public). */
  async publishedReportsPage(q: PageRequest): Promise<KeysetPage<PublishedReportRow>> {
    const qb = this.of(AccidentReportEntity)
      .createQueryBuilder('r')
      .where("r.status = 'APPROVED'")
      .andWhere('r.published_at IS NOT NULL');
    const page = await keysetQuery(qb, NEWEST_PUBLISHED_REPORTS, q);
    return { ...page, items: await this.withAccidents(page.items) };
  }

  async findPublished(caseId: string): Promise<PublishedReportRow | null> {
    const r = await this.of(AccidentReportEntity).findOne({ where: { caseId, status: 'APPROVED' } });
    if (!r || !r.publishedAt) return null;
    return (await this.withAccidents([r]))[0] ?? null;
  }

  private async withAccidents(reports: AccidentReportEntity[]): Promise<PublishedReportRow[]> {
    if (reports.length === 0) return [];
    const rows: Array<{
      case_id: string;
      enterprise_name: string | null;
      principal_name: string | null;
      sector_name: string;
      region_name: string;
    }> = await this.ds.query(
      `SELECT a.case_id, e.name AS enterprise_name, e.principal_name, s.name AS sector_name, r.name AS region_name
         FROM accidents a LEFT JOIN enterprises e ON e.id = a.enterprise_id JOIN sectors s ON s.code = a.sector_code JOIN regions r ON r.id = a.region_id
        WHERE a.case_id = ANY($1::uuid[])`,
      [reports.map((r) => r.caseId)],
    );
    const accidents = await this.of(AccidentEntity).find({ where: { caseId: In(reports.map((r) => r.caseId)) } });
    return reports.map((report) => {
      const meta = rows.find((x) => x.case_id === report.caseId)!;
      return {
        report,
        accident: accidents.find((a) => a.caseId === report.caseId)!,
        enterpriseName: meta.enterprise_name,
        enterprisePrincipalName: meta.principal_name,
        sectorName: meta.sector_name,
        regionName: meta.region_name,
      };
    });
  }
}
