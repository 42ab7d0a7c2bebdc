import { Injectable } from '@nestjs/common';
import { AccidentService, DisciplineReferralService } from '@safety/application';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import type { Actor } from '@safety/domain/identity/roles';
import type { PageRequest } from '@safety/persistence';
import { DisciplineReferralTaskType } from '@safety/temporal';
import { TaskGateway } from '../tasks/task.gateway';
import { referralView } from './accident.views';

/**
 * 线索移交 as the API shows and completes it: reads for the two sides only (audited by the service),
 * and the receiving body's two steps on the referral's own case.
 */
@Injectable()
export class DisciplineReferralGateway {
  constructor(
    private readonly referrals: DisciplineReferralService,
    private readonly accidents: AccidentService,
    private readonly tasks: TaskGateway,
  ) {}

  async list(actor: Actor, query: PageRequest & { status?: string }, requestId?: string) {
    const page = await this.referrals.list(actor, query, requestId);
    return { ...page, items: page.items.map(referralView) };
  }

  async detail(actor: Actor, id: string, requestId?: string) {
    const { referral, side } = await this.referrals.get(actor, id, requestId);
    return { ...referralView(referral), evidence: referral.evidence, side };
  }

  attachment(actor: Actor, id: string, attachmentId: string, requestId?: string) {
    return this.referrals.attachment(actor, id, attachmentId, requestId);
  }

  async acknowledge(actor: Actor, id: string, requestId?: string) {
    const task = await this.receiverStep(actor, id, DisciplineReferralTaskType.ACKNOWLEDGE, requestId);
    return this.tasks.completeTask(actor, task, { outcome: 'ACKNOWLEDGE', payload: {}, requestId });
  }

  async reportResult(actor: Actor, id: string, body: { outcome: string; summary: string }, requestId?: string) {
    const task = await this.receiverStep(actor, id, DisciplineReferralTaskType.RESULT, requestId);
    return this.tasks.completeTask(actor, task, {
      outcome: body.outcome,
      payload: { summary: body.summary },
      requestId,
    });
  }

  /** The open step of the referral's case, for the receiving body only. */
  private async receiverStep(actor: Actor, id: string, type: string, requestId?: string) {
    const purpose = type === DisciplineReferralTaskType.ACKNOWLEDGE ? 'ACKNOWLEDGE' : 'RESULT';
    const { referral, side } = await this.referrals.get(actor, id, requestId, purpose);
    if (side !== 'RECEIVER')
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        purpose === 'ACKNOWLEDGE'
          ? 'only the receiving body acknowledges'
          : 'only the receiving body reports the result',
      );
    return this.accidents.openTask(referral.referralCaseId, type);
  }
}
