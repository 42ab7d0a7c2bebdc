import { Injectable } from '@nestjs/common';
import { ACCIDENT_GRADE_LABELS } from '@safety/domain/accident/grading';
import {
  PARTY_KIND_LABELS,
  PROPOSED_HANDLING_LABELS,
  RECTIFICATION_STATUS_LABELS,
} from '@safety/domain/accident/proposals';
import { assertPlausibleAccidentInstant } from '@safety/domain/accident/reporting';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import { maskPersonalData, maskPersonName } from '@safety/domain/privacy/mask';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  AccidentRepository,
  NearMissEntity,
  OrganisationRepository,
  PageRequest,
  PublishedReportRow,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService, Page } from '../audit.service';

export interface StatisticsGroup {
  key: string | null;
  label: string | null;
  accidents: number;
  deaths: number;
  largerOrAbove: number;
  previous: { accidents: number; deaths: number };
  change: { accidents: number; deaths: number; accidentsPct: number | null; deathsPct: number | null };
}

const pct = (now: number, before: number): number | null =>
  before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10;

/** Statistics (事故起数/死亡人数), near misses, and the public accident-report disclosure. */
@Injectable()
export class AccidentInsightService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: AccidentRepository,
    private readonly org: OrganisationRepository,
    private readonly audit: AuditService,
  ) {}

  /** Accidents and deaths per group in [from, to) against the preceding period of equal length (period-over-period change). */
  async statistics(actor: Actor, q: { from: Date; to: Date; groupBy: 'grade' | 'sector' | 'region' }) {
    if (!(q.from < q.to)) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'from must be before to');
    if (q.to.getTime() - q.from.getTime() > 10 * 366 * 86_400_000)
      throw new DomainError(ErrorCode.OUT_OF_RANGE, 'the period may span at most 10 years');
    const prevFrom = new Date(q.from.getTime() - (q.to.getTime() - q.from.getTime()));
    const now = await this.repo.statistics({
      departmentIds: actor.visibleDepartmentIds,
      from: q.from,
      to: q.to,
      groupBy: q.groupBy,
    });
    const before = await this.repo.statistics({
      departmentIds: actor.visibleDepartmentIds,
      from: prevFrom,
      to: q.from,
      groupBy: q.groupBy,
    });
    const keys = [...new Set([...now.map((r) => r.key), ...before.map((r) => r.key)])];
    const groups: StatisticsGroup[] = keys
      .map((key) => {
        const a = now.find((r) => r.key === key);
        const b = before.find((r) => r.key === key);
        const cur = { accidents: a?.accidents ?? 0, deaths: a?.deaths ?? 0 };
        const prev = { accidents: b?.accidents ?? 0, deaths: b?.deaths ?? 0 };
        return {
          key,
          label: a?.label ?? b?.label ?? null,
          ...cur,
          largerOrAbove: a?.largerOrAbove ?? 0,
          previous: prev,
          change: {
            accidents: cur.accidents - prev.accidents,
            deaths: cur.deaths - prev.deaths,
            accidentsPct: pct(cur.accidents, prev.accidents),
            deathsPct: pct(cur.deaths, prev.deaths),
          },
        };
      })
      .sort((x, y) => String(x.key).localeCompare(String(y.key)));
    const total = (rows: typeof now) => ({
      accidents: rows.reduce((s, r) => s + r.accidents, 0),
      deaths: rows.reduce((s, r) => s + r.deaths, 0),
      largerOrAbove: rows.reduce((s, r) => s + r.largerOrAbove, 0),
    });
    const t = total(now);
    const p = total(before);
    return {
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      groupBy: q.groupBy,
      previousPeriod: { from: prevFrom.toISOString(), to: q.from.toISOString() },
      totals: {
        ...t,
        previous: { accidents: p.accidents, deaths: p.deaths },
        change: {
          accidents: t.accidents - p.accidents,
          deaths: t.deaths - p.deaths,
          accidentsPct: pct(t.accidents, p.accidents),
          deathsPct: pct(t.deaths, p.deaths),
        },
      },
      groups,
    };
  }

  async recordNearMiss(
    actor: Actor,
    input: {
      kind: 'NEAR_MISS' | 'INJURY_ONLY';
      occurredAt: Date;
      place: string;
      sectorCode: string;
      causeCategory: string;
      description: string;
      minorInjuries: number;
      enterpriseId?: string | null;
    },
    requestId?: string,
  ): Promise<NearMissEntity> {
    if (!hasAnyRole(actor, [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only officers and heads record near misses');
    assertPlausibleAccidentInstant('occurredAt', input.occurredAt, new Date());
    if (input.kind === 'NEAR_MISS' && input.minorInjuries > 0)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'a near miss has no injuries; record it as INJURY_ONLY');
    if (input.kind === 'INJURY_ONLY' && input.minorInjuries < 1)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'an injury-only event needs minorInjuries ≥ 1');
    if (!(await this.org.findSector(input.sectorCode)))
      throw new DomainError(ErrorCode.NOT_FOUND, `sector ${input.sectorCode} not found`);
    if (input.enterpriseId && !(await this.org.findEnterprise(input.enterpriseId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `enterprise ${input.enterpriseId} not found`);
    return this.uow.transaction(async (tx) => {
      const saved = await this.repo.insertNearMiss(
        {
          ...input,
          enterpriseId: input.enterpriseId ?? null,
          departmentId: actor.departmentId,
          recordedBy: actor.userId,
        },
        tx,
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'NEAR_MISS_RECORDED',
          requestId,
          summary: {
            nearMissId: saved.id,
            kind: saved.kind,
            sectorCode: saved.sectorCode,
            causeCategory: saved.causeCategory,
            minorInjuries: saved.minorInjuries,
          },
        },
        tx,
      );
      return saved;
    });
  }

  async listNearMisses(
    actor: Actor,
    q: { from?: Date; to?: Date; kind?: string; sectorCode?: string; offset: number; limit: number },
  ): Promise<Page<NearMissEntity>> {
    const [items, total] = await this.repo.listNearMisses({ departmentIds: actor.visibleDepartmentIds, ...q });
    return { items, total, offset: q.offset, limit: q.limit };
  }

  async nearMissAnalysis(actor: Actor, q: { from: Date; to: Date }) {
    if (!(q.from < q.to)) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'from must be before to');
    const rows = await this.repo.nearMissAnalysis({ departmentIds: actor.visibleDepartmentIds, ...q });
    const sum = <K extends string>(key: (r: (typeof rows)[number]) => K) => {
      const out = new Map<K, { events: number; minorInjuries: number }>();
      for (const r of rows) {
        const k = key(r);
        const cur = out.get(k) ?? { events: 0, minorInjuries: 0 };
        out.set(k, { events: cur.events + r.events, minorInjuries: cur.minorInjuries + r.minorInjuries });
      }
      return [...out.entries()]
        .map(([k, v]) => ({ key: k, ...v }))
        .sort((a, b) => b.events - a.events || a.key.localeCompare(b.key));
    };
    return {
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      total: {
        events: rows.reduce((s, r) => s + r.events, 0),
        minorInjuries: rows.reduce((s, r) => s + r.minorInjuries, 0),
      },
      bySector: sum((r) => r.sectorCode),
      byCause: sum((r) => r.causeCategory),
      byKind: sum((r) => r.kind),
      bySectorAndCause: rows,
    };
  }

  /**
   * Published accident reports (条例 Art.34; 安全生产法 Art.86) for the public. Personal data is
   * masked: natural persons' names, phones and ID numbers. Leads referred to the discipline body
   * (public officials) are not part of the public view.
   */
  async publicReports(page: PageRequest) {
    const found = await this.repo.publishedReportsPage(page);
    const items = [];
    for (const row of found.items)
      items.push(
        this.publicView(
          row,
          await this.repo.listParties(row.report.caseId, row.report.version),
          await this.repo.listMeasures(row.report.caseId, row.report.version),
          await this.repo.findEvaluation(row.report.caseId),
        ),
      );
    return { ...found, items };
  }

  async publicReport(caseId: string) {
    const row = await this.repo.findPublished(caseId);
    if (!row) throw new DomainError(ErrorCode.NOT_FOUND, 'no published report for this accident');
    return this.publicView(
      row,
      await this.repo.listParties(caseId, row.report.version),
      await this.repo.listMeasures(caseId, row.report.version),
      await this.repo.findEvaluation(caseId),
    );
  }

  private publicView(
    row: PublishedReportRow,
    parties: Awaited<ReturnType<AccidentRepository['listParties']>>,
    measures: Awaited<ReturnType<AccidentRepository['listMeasures']>>,
    evaluation: Awaited<ReturnType<AccidentRepository['findEvaluation']>>,
  ) {
    const persons = parties.filter((p) => p.kind !== 'ENTERPRISE').map((p) => p.name);
    if (row.enterprisePrincipalName) persons.push(row.enterprisePrincipalName);
    const mask = (t: string | null) => (t === null ? null : maskPersonalData(t, persons));
    const { report, accident } = row;
    return {
      id: report.caseId,
      occurredOn: toLocalDate(accident.occurredAt),
      region: row.regionName,
      sector: row.sectorName,
      enterprise: row.enterpriseName,
      place: mask(accident.place),
      grade: accident.grade,
      gradeLabel: ACCIDENT_GRADE_LABELS[accident.grade],
      deaths: accident.deaths,
      seriousInjuries: accident.seriousInjuries,
      directLossYuan: accident.directLossYuan,
      summary: mask(report.summary),
      directCauses: mask(report.directCauses),
      indirectCauses: mask(report.indirectCauses),
      educationMeasures: mask(report.educationMeasures),
      responsibleParties: parties
        .filter((p) => p.kind !== 'PUBLIC_OFFICIAL')
        .map((p) => ({
          kind: p.kind,
          kindLabel: PARTY_KIND_LABELS[p.kind][0],
          name: p.kind === 'ENTERPRISE' ? p.name : maskPersonName(p.name),
          position: p.position,
          responsibility: mask(p.responsibility),
          proposedHandling: p.proposedHandling,
          proposedHandlingLabel: PROPOSED_HANDLING_LABELS[p.proposedHandling][0],
        })),
      rectificationMeasures: measures.map((x) => ({
        seq: x.seq,
        description: mask(x.description),
        owner: mask(x.owner),
        dueDate: x.dueDate,
        status: x.status,
        statusLabel: RECTIFICATION_STATUS_LABELS[x.status][0],
      })),
      evaluation: evaluation?.publishedAt
        ? { publishedAt: evaluation.publishedAt.toISOString(), findings: mask(evaluation.findings) }
        : null,
      approvedAt: report.decidedAt?.toISOString() ?? null,
      publishedAt: report.publishedAt?.toISOString() ?? null,
    };
  }
}
