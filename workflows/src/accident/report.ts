import { workflowInfo } from '@temporalio/workflow';
import { approvalDeadlineDays } from '@safety/domain/accident/investigation';
import { toReportProposal } from '@safety/domain/accident/proposals';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import type { CaseStatusChange } from '@safety/temporal/activities';
import type { SavedReport } from '@safety/temporal/accident.activities';
import { AccidentSteps } from '@safety/temporal/steps/accident.steps';
import type { Completion } from '../kernel/task-board';
import { firstProblem, forbidden, invalid, separationOfDuties } from '../kernel/problems';
import type { AccidentCase } from './case';
import type { TeamMember } from './team';

export type Approval = Completion<typeof AccidentSteps.REPORT_APPROVAL> & { outcome: 'APPROVE' };

/**
 * 事故调查报告 and 批复 (条例 Art.30, 32): the lead submits the report under the investigation clock;
 * the investigating level approves it within 15 days (特别重大 30, extendable by at most 30) or
 * returns it, and the next version runs under the same clock. Resolves with the approved report.
 */
export async function reportUntilApproved(
  ac: AccidentCase,
  lead: TeamMember,
  investigating: CaseStatusChange | undefined,
): Promise<{ saved: SavedReport; approval: Approval }> {
  let enterStatus = investigating;
  for (;;) {
    const version = ++ac.state.reportVersion;
    const step = `investigation-report-${version}`;
    let submitted = false;
    const reportTask = ac.board.run(AccidentSteps.INVESTIGATION_REPORT, {
      step,
      caseId: ac.caseId,
      departmentId: lead.departmentId,
      assigneeId: lead.userId,
      title: '提交事故调查报告',
      // The investigation clock is this step's deadline.
      deadline: null,
      context: { version },
      enterStatus,
      eligible: (actor) => (actor.userId === lead.userId ? undefined : forbidden('the team lead submits the report')),
    });
    ac.clock.follow(`${workflowInfo().workflowId}:${step}`);
    await ac.clock.change(() => ac.clock.recompute(`investigation report v${version} due (条例 Art.29)`, null));
    const watching = ac.clock.watch(() => submitted);
    const report = await reportTask;
    submitted = true;
    ac.state.reportSubmitted = true;
    await watching;
    const saved = await ac.acts.accidentSaveReport({
      caseId: ac.caseId,
      version,
      report: toReportProposal(report.payload),
      submittedBy: report.actor.userId,
      submittedAt: report.completedAt,
    });

    const transfers = saved.parties.some((party) => party.proposedHandling === 'CRIMINAL_TRANSFER');
    const period = approvalDeadlineDays(ac.state.grade);
    const approval = await ac.board.run(AccidentSteps.REPORT_APPROVAL, {
      ...ac.where,
      step: `report-approval-${version}`,
      title: '事故调查报告批复',
      context: { version },
      // 条例 Art.32: 15 days from receiving the report; 特别重大 30 days, extendable by the head by at most 30 days.
      deadline: { startDate: toLocalDate(new Date(report.completedAt)), unit: 'calendar_days', amount: period.days },
      maxExtensionDays: period.maxExtensionDays,
      enterStatus: ac.status.enter('AWAITING_APPROVAL', report.actor.userId, 'INVESTIGATION_REPORT_SUBMITTED', {
        version,
      }),
      eligible: (actor) =>
        firstProblem(
          () =>
            actor.departmentId === ac.state.departmentId
              ? undefined
              : forbidden('the investigating level approves the report'),
          () =>
            actor.userId === lead.userId
              ? separationOfDuties('the team lead may not approve their own report')
              : undefined,
        ),
      check: (submission) =>
        submission.outcome === 'APPROVE' && transfers && !submission.payload.transferTeamIds
          ? invalid('the report proposes a criminal transfer: name its team (国务院令第310号 Art.5)', {
              fields: [
                { path: 'payload.transferTeamIds', message: 'name at least two officers for the transfer team' },
              ],
            })
          : undefined,
    });
    await ac.acts.accidentDecideReport({
      caseId: ac.caseId,
      version,
      decision: approval.outcome,
      actorId: approval.actor.userId,
      comment: approval.payload.comment ?? (approval.outcome === 'RETURN' ? approval.payload.reason : null),
      decidedAt: approval.completedAt,
    });
    if (approval.outcome === 'APPROVE') return { saved, approval };
    ac.state.reportSubmitted = false;
    enterStatus = await ac.enterWithNextTask('INVESTIGATING', approval.actor.userId, 'INVESTIGATION_REPORT_RETURNED', {
      version,
      reason: approval.payload.reason,
    });
  }
}
