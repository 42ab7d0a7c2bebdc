import { plusDays } from '@safety/domain/calendar/local-date';
import { assertSupervisionItem } from '@safety/domain/supervision';
import { DEMO_PLAN_ISSUER, SUPERVISION_DEMO_PLAN } from './supervision-demo-plan';

describe('the demo supervision plan', () => {
  const today = '2026-03-02';

  it('has a handful of tasks, each with a lead, co-responsible departments and dated milestones that pass the rules', () => {
    expect(SUPERVISION_DEMO_PLAN.length).toBeGreaterThanOrEqual(3);
    for (const task of SUPERVISION_DEMO_PLAN) {
      expect(task.coResponsible.length).toBeGreaterThanOrEqual(1);
      expect(() =>
        assertSupervisionItem(
          {
            issuerDepartmentId: DEMO_PLAN_ISSUER,
            leadDepartmentId: task.lead,
            coResponsibleDepartmentIds: task.coResponsible,
            deadline: plusDays(today, task.deadlineInDays),
            milestones: task.milestones.map((m) => ({ title: m.title, dueDate: plusDays(today, m.inDays) })),
          },
          today,
        ),
      ).not.toThrow();
      expect([task.lead, ...task.coResponsible].every((code) => !code.startsWith('DISCIPLINE'))).toBe(true);
    }
  });
});
