import { missingTeamRoles } from '@safety/domain/accident/proposals';
import type { CaseStatusChange } from '@safety/temporal/activities';
import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import { forbidden, ruleBroken } from '../kernel/problems';
import type { AccidentCase } from './case';

export interface TeamMember {
  userId: string;
  departmentId: string;
  teamRole: string;
}

/**
 * 组建事故调查组 (条例 Art.22): the investigating department's head names the lead and members (the
 * discipline body, police and trade union as the policy requires; the procuratorate invited). The
 * members are checked against the directory when recorded; a refused team is formed again. The
 * clock (Art.29) is computed alongside the first opening.
 */
export async function formTeam(ac: AccidentCase): Promise<TeamMember[]> {
  let enterStatus: CaseStatusChange | undefined = ac.status.enter(
    'TEAM_FORMATION',
    ac.input.createdBy,
    'ACCIDENT_CASE_OPENED',
    { grade: ac.input.grade, departmentId: ac.input.departmentId },
  );
  let prepare: (() => Promise<unknown>) | undefined = () =>
    ac.clock.change(() =>
      ac.clock.recompute('investigation clock started: 60 days from the accident (条例 Art.29)', null),
    );
  for (let attempt = 1; ; attempt++) {
    const formed = await ac.board.run(AccidentSteps.TEAM_FORMATION, {
      ...ac.where,
      step: `team-formation-${attempt}`,
      title: '组建事故调查组',
      deadline: null,
      // The form publishes the policy's required roles from here (the step's taskSchema).
      context: { grade: ac.state.grade, attempt, requiredTeamRoles: ac.policy.teamRequiredRoles },
      enterStatus,
      prepare,
      eligible: (actor) =>
        actor.departmentId === ac.state.departmentId
          ? undefined
          : forbidden('the investigating department forms the team'),
      check: ({ payload }) => {
        const missing = missingTeamRoles(payload.members, ac.policy.teamRequiredRoles);
        return missing.length === 0
          ? undefined
          : ruleBroken(`the team needs ${missing.map((role) => `a ${role} member`).join(', ')} (条例 Art.22)`);
      },
    });
    const recorded = await ac.acts.accidentRecordTeam({
      caseId: ac.caseId,
      team: formed.payload,
      actorId: formed.actor.userId,
      requiredRoles: ac.policy.teamRequiredRoles,
    });
    if (recorded.ok) {
      ac.state.teamLeadId = formed.payload.leadId;
      return recorded.members;
    }
    enterStatus = ac.status.enter('TEAM_FORMATION', formed.actor.userId, `INVESTIGATION_TEAM_REFUSED_${attempt}`, {
      problems: recorded.problems,
    });
    prepare = undefined;
  }
}

/** Members act through their own inboxes (their department, assigned to them) while the case is open. */
export function askMembersForFindings(ac: AccidentCase, members: TeamMember[]): void {
  members
    .filter((member) => member.teamRole !== 'LEAD')
    .forEach((member, index) =>
      ac.spawn(
        `member-findings-${index + 1}`,
        () =>
          ac.board.run(AccidentSteps.MEMBER_FINDINGS, {
            step: `member-findings-${index + 1}`,
            caseId: ac.caseId,
            departmentId: member.departmentId,
            assigneeId: member.userId,
            title: '调查组成员：提交调查情况',
            deadline: null,
            context: { teamRole: member.teamRole },
            eligible: (actor) =>
              actor.userId === member.userId ? undefined : forbidden('this step is assigned to another team member'),
          }),
        { untilClosed: true },
      ),
    );
}
