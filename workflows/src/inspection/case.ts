import { patched } from '@temporalio/workflow';
import { endOfLocalDay, toLocalDate } from '@safety/domain/calendar/local-date';
import type { JointInspection } from '@safety/domain/inspection/joint';
import { Role } from '@safety/domain/identity/roles';
import type { InspectionRecord } from '@safety/domain/inspection/record';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import type {
  InspectionInput,
  InspectionState,
  InspectionStatus,
} from '@safety/temporal/contracts/inspection.contract';
import { PATCH } from '../kernel/patches';
import { forbidden, Problem } from '../kernel/problems';
import { AreaCase } from './area';

/**
 * One inspection as its workflow sees it: the kernel, the input and state, the inspection team
 * (who may act on its steps) and, once recorded, the on-site record every later stage acts on.
 */
export class InspectionCase extends AreaCase<InspectionStatus, InspectionState> {
  readonly teamIds: string[];
  /** The on-site record and its local date, from the record step on. */
  record!: InspectionRecord;
  recordedOn!: string;
  /** Criminal-transfer reviews prompted so far (numbers their steps). */
  reviewSeq = 0;

  constructor(readonly input: InspectionInput) {
    super(
      {
        caseId: input.caseId,
        status: 'AWAITING_RECORD',
        result: null,
        unannounced: input.unannounced,
        outcome: null,
        findings: [],
        confirmations: [],
        rectificationDeadline: null,
        suspensionOrdered: false,
        seizure: null,
        listing: null,
        penalty: null,
        criminalReviews: [],
        history: [],
      },
      input.departmentId,
    );
    this.teamIds = input.inspectors.map((inspector) => inspector.userId);
  }

  /** 联合检查 / 交叉检查 (absent: one department inspects). */
  get joint(): JointInspection | undefined {
    return this.input.joint && patched(PATCH.JOINT_INSPECTIONS) ? this.input.joint : undefined;
  }

  /**
   * Who a step of the team is assigned to: in a cross inspection the first visiting officer, since the
   * case's tasks are in the host department and visiting officers act only on tasks assigned to them.
   */
  get teamAssignee(): string | null {
    const joint = this.joint;
    if (joint?.mode !== 'CROSS') return null;
    const visitor = this.input.inspectors.find((officer) => officer.departmentId === joint.partnerDepartmentIds[0]);
    return visitor?.userId ?? null;
  }

  /** The team's officers of the case's own department (a linked penalty case's handlers). */
  get ownOfficerIds(): string[] {
    const own = this.input.inspectors
      .filter((officer) => (officer.departmentId ?? this.input.departmentId) === this.input.departmentId)
      .map((officer) => officer.userId);
    return own.length ? own : this.teamIds;
  }

  get policy(): InspectionInput['policy'] {
    return this.input.policy;
  }

  today(): string {
    return toLocalDate(new Date(Date.now()));
  }

  /** The instant a local date has passed: the next day's first instant (a deadline day counts in full). */
  dayEnd(date: string): number {
    return endOfLocalDay(date).getTime();
  }

  /** Only the inspecting officers act on the inspection's own steps. */
  teamOnly(actor: TaskActor): Problem | undefined {
    return this.teamIds.includes(actor.userId)
      ? undefined
      : forbidden('only the inspecting officers of this case may complete this step');
  }

  /** The team, or an agency head (who may take decisions on the team's behalf). */
  teamOrHead(actor: TaskActor): Problem | undefined {
    return actor.roles.includes(Role.AGENCY_HEAD) ? undefined : this.teamOnly(actor);
  }
}
