import { Injectable } from '@nestjs/common';
import { CaseService, InspectionCaseService, ProposeTransfer } from '@safety/application';
import { Actor } from '@safety/domain/identity/roles';
import { CaseEntity } from '@safety/persistence';
import { proposeCriminalTransferUpdate } from '@safety/temporal';
import { PenaltyWorkflowGateway } from '../enforcement/penalty-workflow.gateway';
import { WorkflowStarter } from '../temporal/workflow-starter';

/** The inspection area's way to its workflows and to the penalty workflow a transfer may go through. */
@Injectable()
export class InspectionWorkflowGateway {
  constructor(
    private readonly inspections: InspectionCaseService,
    private readonly cases: CaseService,
    private readonly starter: WorkflowStarter,
    private readonly penalty: PenaltyWorkflowGateway,
  ) {}

  /**
   * 行刑衔接 over HTTP. From a penalty case the proposal is the penalty workflow's own (it opens the
   * transfer and blocks a fine while it is pending, 行政处罚法 Art.27, 82); otherwise the transfer case
   * opened by the service is started here. Either way the transfer case is the answer.
   */
  async proposeTransfer(actor: Actor, proposal: ProposeTransfer, requestId?: string): Promise<CaseEntity> {
    const routed = await this.inspections.proposeTransfer(actor, proposal, requestId);
    if (routed.via === 'LINKED_CASE') {
      await this.starter.start(routed.created, 'criminalTransferWorkflow', routed.workflowInput, actor.userId);
      return routed.created;
    }
    const { suspectedOffence, grounds, teamIds } = proposal;
    const answer = await this.penalty.message(
      actor,
      routed.source.id,
      proposeCriminalTransferUpdate,
      { suspectedOffence, grounds, teamIds },
      { requestId },
    );
    const transferCaseId = answer.detail?.transferCaseId;
    // The penalty workflow answers every accepted proposal with the case it opened; anything else is a defect.
    if (typeof transferCaseId !== 'string') throw new Error('the penalty workflow did not name the transfer case');
    return this.cases.getVisible(actor, transferCaseId);
  }
}
