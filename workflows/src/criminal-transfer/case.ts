import { toLocalDate } from '@safety/domain/calendar/local-date';
import { Role } from '@safety/domain/identity/roles';
import { CriminalTransferPolicy, DEFAULT_CRIMINAL_TRANSFER_POLICY } from '@safety/domain/inspection/policy';
import type { DeadlineRequest } from '@safety/temporal/activities';
import type {
  CriminalTransferInput,
  CriminalTransferState,
  CriminalTransferStatus,
} from '@safety/temporal/contracts/criminal-transfer.contract';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import { forbidden, Problem } from '../kernel/problems';
import { AreaCase } from '../inspection/area';

/** One criminal transfer as its workflow sees it: the proposal, the policy's periods and the team. */
export class TransferCase extends AreaCase<CriminalTransferStatus, CriminalTransferState> {
  readonly policy: CriminalTransferPolicy;

  constructor(readonly input: CriminalTransferInput) {
    super(
      {
        caseId: input.caseId,
        status: 'AWAITING_HEAD_DECISION',
        answered: false,
        headDecision: null,
        handoverDueAt: null,
        handover: null,
        policeAnswers: [],
        procuratorate: null,
        history: [],
      },
      input.departmentId,
    );
    this.policy = input.policy ?? DEFAULT_CRIMINAL_TRANSFER_POLICY;
  }

  /** A 国务院令第310号 period counted from an instant, in the policy's kind of days. */
  days(fromIso: string, amount: number): DeadlineRequest {
    return { startDate: toLocalDate(new Date(fromIso)), unit: this.policy.dayUnit, amount };
  }

  isOnTeam(userId: string): boolean {
    return this.input.teamIds.includes(userId);
  }

  teamOrHead(actor: TaskActor): Problem | undefined {
    return this.isOnTeam(actor.userId) || actor.roles.includes(Role.AGENCY_HEAD)
      ? undefined
      : forbidden('only the transfer team or the agency head may record this');
  }
}
