import { condition, setHandler } from '@temporalio/workflow';
import { AccidentCaseInput, AccidentState, getAccidentStateQuery } from '@safety/temporal/contracts/accident.contract';
import { holdAccountable } from './accountability';
import { AccidentCase } from './case';
import { oneYearEvaluation } from './evaluation';
import { registerAccidentMessages } from './messages/register';
import { trackRectification } from './rectification';
import { reportUntilApproved } from './report';
import { askMembersForFindings, formTeam } from './team';
import { reportUpward } from './upward';
import { openReportingConsequences } from './violations';

/**
 * 生产安全事故调查处理 (国务院令第493号) with the 四不放过 closure gates: 逐级上报 beside everything
 * else (Art.10–11) · team formation (Art.22) →
 * investigation under the 60-day clock with appraisal pauses and one extension (Art.27, 29) →
 * report → 批复 within 15 (特别重大 30) days (Art.32) → publication (Art.34) and, in the same step,
 * accountability: penalty cases, discipline referrals and criminal transfers as linked cases →
 * rectification tracked to verification, warning education → closure when all four gates hold →
 * the one-year evaluation (安全生产法 Art.86) with 回头看. The case ends once it is closed and the
 * evaluation is done.
 */
export async function accidentWorkflow(input: AccidentCaseInput): Promise<AccidentState> {
  const ac = new AccidentCase(input);
  setHandler(getAccidentStateQuery, () => ac.state);
  registerAccidentMessages(ac);

  const failure = await ac.runUntilFailure(async () => {
    if (ac.reportsUpward) {
      ac.spawn('upward-reports', () => reportUpward(ac), { untilClosed: true });
      // 迟报 found at intake, and flags recorded with the report: their consequences open at once (条例 Art.36).
      const flags = ac.input.reportingFlags ?? [];
      if (flags.length > 0)
        ac.spawn('reporting-consequences', async () => {
          for (const flag of flags) await openReportingConsequences(ac, flag, [], ac.input.createdBy);
        });
    }
    const members = await formTeam(ac);
    const lead = members.find((member) => member.teamRole === 'LEAD')!;
    const investigating = await ac.enterWithNextTask('INVESTIGATING', lead.userId, 'INVESTIGATION_STARTED', {
      members: members.length,
    });
    askMembersForFindings(ac, members);
    const { saved, approval } = await reportUntilApproved(ac, lead, investigating);
    await holdAccountable(ac, saved, approval);
    trackRectification(ac, saved.measures, 1);
    let evaluated = false;
    ac.spawn('one-year-evaluation', async () => {
      await oneYearEvaluation(ac, saved, approval.completedAt);
      evaluated = true;
    });
    await condition(() => ac.state.status === 'CLOSED' && evaluated);
  });
  await ac.kernel.finish();
  if (failure) throw failure;
  return ac.state;
}
