import { Injectable } from '@nestjs/common';
import {
  isWithinSupplementaryWindow,
  TeamProposal,
  missingTeamRoles,
  InvestigationReportProposal,
  AccidentSectorClass,
} from '@safety/domain/accident';
import { LocalDate, toLocalDate } from '@safety/domain/calendar/local-date';
import { receivedOnProblem } from '@safety/domain/enforcement/received-on';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Role } from '@safety/domain/identity/roles';
import { AccidentEntity, OrganisationRepository } from '@safety/persistence';
import { AccidentService } from './accident.service';

/** Pre-checks the API runs before it hands a step to the workflow (the workflow checks again). */
@Injectable()
export class AccidentPreCheckService {
  constructor(
    private readonly org: OrganisationRepository,
    private readonly accidents: AccidentService,
  ) {}

  /** 条例 Art.13: within 30 days (7 for road traffic and fire) of the accident; outside → DEADLINE_PASSED. */
  assertSupplementaryWindow(accident: Pick<AccidentEntity, 'occurredAt' | 'sectorClass'>, on: LocalDate): void {
    const occurredOn = toLocalDate(accident.occurredAt);
    if (!isWithinSupplementaryWindow(occurredOn, on, accident.sectorClass as AccidentSectorClass)) {
      throw new DomainError(
        ErrorCode.DEADLINE_PASSED,
        `补报 is only possible within ${accident.sectorClass === 'OTHER' ? 30 : 7} days of the accident (条例 Art.13)`,
        { occurredOn, reportedOn: on },
      );
    }
  }

  /**
   * The day a 补报 was received: not in the future, not before the accident, and with its receipt when earlier than
   * the day it is entered (the received-on rule); 400 naming the field otherwise.
   */
  assertReceivedOn(
    accident: Pick<AccidentEntity, 'occurredAt'>,
    claim: { receivedOn: LocalDate; today: LocalDate; receiptAttachmentIds?: string[] },
  ): void {
    const found = receivedOnProblem({
      receivedOn: claim.receivedOn,
      today: claim.today,
      periodOpenedOn: toLocalDate(accident.occurredAt),
      periodOpenedBy: 'the accident occurred',
      hasReceipt: (claim.receiptAttachmentIds ?? []).length > 0,
    });
    if (found)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, `${found.path} ${found.message}`, { fields: [found] });
  }

  /** Team members must be active users holding INVESTIGATION_MEMBER (DISCIPLINE members: DISCIPLINE_BODY). */
  /**
   * The team against the directory and the policy (条例 Art.22): the lead and every member are active
   * users holding the role their place needs, and the required roles are covered. The shape was
   * checked against the step contract before.
   */
  async checkTeam(
    team: TeamProposal,
    requiredRoles: readonly string[],
  ): Promise<{
    team?: TeamProposal;
    problems: string[];
    members: Array<{ userId: string; departmentId: string; teamRole: string }>;
  }> {
    const problems = missingTeamRoles(team.members, requiredRoles).map(
      (role) => `the team needs a ${role} member (条例 Art.22)`,
    );
    const members: Array<{ userId: string; departmentId: string; teamRole: string }> = [];
    const lead = await this.org.findUserById(team.leadId);
    if (!lead || !lead.active) problems.push(`lead ${team.leadId} is not an active user`);
    else if (!lead.roles.some((r) => r === Role.INVESTIGATION_MEMBER || r === Role.AGENCY_HEAD))
      problems.push('the lead must hold INVESTIGATION_MEMBER or AGENCY_HEAD');
    else members.push({ userId: lead.id, departmentId: lead.departmentId, teamRole: 'LEAD' });
    for (const x of team.members) {
      const u = await this.org.findUserById(x.userId);
      const need = x.teamRole === 'DISCIPLINE' ? Role.DISCIPLINE_BODY : Role.INVESTIGATION_MEMBER;
      if (!u || !u.active) problems.push(`member ${x.userId} is not an active user`);
      else if (
        !u.roles.includes(need) &&
        !(
          x.teamRole === 'DISCIPLINE' &&
          u.roles.includes(Role.INVESTIGATION_MEMBER) &&
          (await this.org.findDepartment(u.departmentId))?.kind === 'DISCIPLINE'
        )
      ) {
        problems.push(`member ${x.userId} needs the role ${need} to serve as ${x.teamRole}`);
      } else members.push({ userId: u.id, departmentId: u.departmentId, teamRole: x.teamRole });
    }
    return problems.length ? { problems, members: [] } : { team, problems, members };
  }

  /**
   * Report pre-check against the records: referenced enterprises exist, and a discipline body can
   * receive leads about officials. The shape was checked against the step contract before.
   */
  async checkReport(caseId: string, report: InvestigationReportProposal): Promise<void> {
    for (const p of report.responsibleParties) {
      if (p.enterpriseId && !(await this.org.findEnterprise(p.enterpriseId)))
        throw new DomainError(ErrorCode.NOT_FOUND, `enterprise ${p.enterpriseId} not found`);
    }
    if (report.responsibleParties.some((p) => p.kind === 'PUBLIC_OFFICIAL')) {
      const { c } = await this.accidents.getCase(caseId);
      if (!(await this.accidents.disciplineBodyFor(c.departmentId))) {
        throw new DomainError(
          ErrorCode.RULE_VIOLATION,
          'no discipline inspection/supervision body is configured for this jurisdiction to receive leads about officials',
        );
      }
    }
  }
}
