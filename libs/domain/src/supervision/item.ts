import { compareLocalDates, isLocalDate, LocalDate } from '../calendar/local-date';
import { DomainError, ErrorCode } from '../errors';

/** What a supervision item rests on: a plan task (任务分工), an accident's rectification, a major hazard, a complaint. */
export const SUPERVISION_BASIS_KINDS = ['PLAN_TASK', 'ACCIDENT_RECTIFICATION', 'MAJOR_HAZARD', 'COMPLAINT'] as const;
export type SupervisionBasisKind = (typeof SUPERVISION_BASIS_KINDS)[number];

/** Whom a summons (约谈) is of: an enterprise's principal, a lower government's or a department's leader. */
export const SUMMONS_TARGET_KINDS = ['ENTERPRISE_PRINCIPAL', 'GOVERNMENT_LEADER', 'DEPARTMENT_LEADER'] as const;
export type SummonsTargetKind = (typeof SUMMONS_TARGET_KINDS)[number];
export const SUMMONS_TARGET_KIND_LABELS: Record<SummonsTargetKind, string> = {
  ENTERPRISE_PRINCIPAL: '企业主要负责人',
  GOVERNMENT_LEADER: '地方人民政府负责人',
  DEPARTMENT_LEADER: '部门负责人',
};

export const MAX_CO_RESPONSIBLE = 10;
export const MAX_MILESTONES = 12;

export interface SupervisionMilestone {
  title: string;
  dueDate: LocalDate;
}

/** What the creation of a supervision item must satisfy before anything is stored. */
export interface SupervisionItemShape {
  issuerDepartmentId: string;
  leadDepartmentId: string;
  coResponsibleDepartmentIds: string[];
  deadline: LocalDate;
  milestones: SupervisionMilestone[];
}

const invalid = (path: string, message: string) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, message, { fields: [{ path, message }] });

/**
 * 牵头 and 按职责分工负责: one lead department and distinct co-responsible departments (not the lead);
 * dated deliverables (明确时序要求): a deadline after today, milestones in order, after today and not
 * after the deadline.
 */
export function assertSupervisionItem(item: SupervisionItemShape, today: LocalDate): void {
  const co = item.coResponsibleDepartmentIds;
  if (co.includes(item.leadDepartmentId))
    throw invalid('coResponsibleDepartmentIds', 'the lead department is not also a co-responsible one');
  if (new Set(co).size !== co.length) throw invalid('coResponsibleDepartmentIds', 'each department is named once');
  if (co.length > MAX_CO_RESPONSIBLE) throw invalid('coResponsibleDepartmentIds', `at most ${MAX_CO_RESPONSIBLE}`);
  if (!isLocalDate(item.deadline) || compareLocalDates(item.deadline, today) <= 0)
    throw invalid('deadline', 'the deadline is a date after today');
  if (item.milestones.length > MAX_MILESTONES) throw invalid('milestones', `at most ${MAX_MILESTONES} milestones`);
  item.milestones.forEach((milestone, index) => {
    const path = `milestones.${index}.dueDate`;
    if (compareLocalDates(milestone.dueDate, today) <= 0) throw invalid(path, 'a milestone is due after today');
    if (compareLocalDates(milestone.dueDate, item.deadline) > 0)
      throw invalid(path, 'a milestone is due by the deadline');
    const previous = item.milestones[index - 1];
    if (previous && compareLocalDates(previous.dueDate, milestone.dueDate) > 0)
      throw invalid(path, 'milestones are listed in date order');
  });
}

/** The departments that take part in an item: the issuer, the lead and the co-responsible ones. */
export const supervisionParticipants = (item: SupervisionItemShape): string[] => [
  ...new Set([item.issuerDepartmentId, item.leadDepartmentId, ...item.coResponsibleDepartmentIds]),
];

/**
 * Who may read an item: someone whose jurisdiction includes one of its departments. A department
 * that takes no part sees nothing of it.
 */
export const maySeeSupervisionItem = (visibleDepartmentIds: readonly string[], item: SupervisionItemShape): boolean =>
  supervisionParticipants(item).some((id) => visibleDepartmentIds.includes(id));

/** A summons is scheduled for today or later. */
export function assertSummonsDate(scheduledOn: LocalDate, today: LocalDate, path = 'scheduledOn'): void {
  if (!isLocalDate(scheduledOn) || compareLocalDates(scheduledOn, today) < 0)
    throw invalid(path, 'a summons is scheduled for today or later');
}
