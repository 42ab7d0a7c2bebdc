import { Injectable } from '@nestjs/common';
import {
  ComplaintIntake,
  ComplaintIntakeService,
  ComplaintPolicyService,
  ComplaintReadService,
} from '@safety/application';
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from '@safety/domain/complaint';
import type { Actor } from '@safety/domain/identity/roles';
import type { CaseEntity, ComplaintEntity } from '@safety/persistence';
import type { ComplaintCaseInput } from '@safety/temporal';
import { WorkflowStarter } from '../temporal/workflow-starter';
import type {
  ComplaintListQueryDto,
  ComplaintStatisticsQueryDto,
  PublicComplaintDto,
  RegisterComplaintDto,
} from './complaint.schemas';
import { complaintDetail, complaintView, statisticsView } from './complaint.views';

const intakeOf = (body: PublicComplaintDto): ComplaintIntake => ({
  description: body.description,
  place: body.place,
  enterpriseName: body.enterpriseName ?? null,
  sectorCode: body.sectorCode ?? null,
  departmentId: body.departmentId ?? null,
  contact: {
    anonymous: body.contact.anonymous,
    name: body.contact.name ?? null,
    phone: body.contact.phone ?? null,
    address: body.contact.address ?? null,
  },
  evidence: (body.evidence ?? []).map((file) => ({
    fileName: file.fileName ?? null,
    contentType: file.contentType ?? null,
    content: Buffer.from(file.contentBase64, 'base64'),
  })),
});

/** 投诉举报 over HTTP: intake and its workflow start, the informant's lookup, the officers' reads. */
@Injectable()
export class ComplaintGateway {
  constructor(
    private readonly intake: ComplaintIntakeService,
    private readonly reads: ComplaintReadService,
    private readonly policies: ComplaintPolicyService,
    private readonly starter: WorkflowStarter,
  ) {}

  async fileOnline(body: PublicComplaintDto, clientAddress: string, requestId?: string) {
    const opened = await this.intake.fileOnline(intakeOf(body), clientAddress, requestId);
    await this.start(opened.c, opened.complaint, null);
    return { code: opened.complaint.trackingCode, secret: opened.secret };
  }

  async receivingDepartments() {
    const departments = await this.intake.receivingDepartments();
    return { items: departments.map(({ id, name, level }) => ({ id, name, level })) };
  }

  async register(actor: Actor, body: RegisterComplaintDto, requestId?: string) {
    const opened = await this.intake.register(
      actor,
      { ...intakeOf(body), channel: body.channel, receivedAt: new Date(body.receivedAt) },
      requestId,
    );
    await this.start(opened.c, opened.complaint, actor.userId);
    return { id: opened.complaint.id, code: opened.complaint.trackingCode, secret: opened.secret };
  }

  private async start(c: CaseEntity, complaint: ComplaintEntity, actorId: string | null) {
    const input: ComplaintCaseInput = {
      caseId: c.id,
      complaintId: complaint.id,
      departmentId: complaint.departmentId,
      receivedAt: complaint.receivedAt.toISOString(),
      enterpriseId: complaint.enterpriseId,
      policy: await this.policies.effectivePolicy(complaint.departmentId),
    };
    await this.starter.start(c, 'complaintWorkflow', input, actorId);
  }

  async track(code: string, secret: string, clientAddress: string, requestId?: string) {
    const { complaint, answer } = await this.intake.track(code, secret, clientAddress, requestId);
    return {
      code: complaint.trackingCode,
      status: answer.status as ComplaintStatus,
      statusLabel: COMPLAINT_STATUS_LABELS[answer.status as ComplaintStatus]?.[0] ?? answer.status,
      feedback: answer.feedback,
    };
  }

  async list(actor: Actor, query: ComplaintListQueryDto, requestId?: string) {
    const page = await this.reads.list(actor, query, requestId);
    return { ...page, items: page.items.map(complaintView) };
  }

  async detail(actor: Actor, id: string, requestId?: string) {
    return complaintDetail(await this.reads.read(actor, id, requestId));
  }

  policy(actor: Actor, departmentId: string) {
    return this.policies.policyFor(actor, departmentId);
  }

  putPolicy(actor: Actor, departmentId: string, overrides: Record<string, unknown>, requestId?: string) {
    return this.policies.putPolicy(actor, departmentId, overrides, requestId);
  }

  async statistics(actor: Actor, query: ComplaintStatisticsQueryDto) {
    const rows = await this.reads.statistics(actor, {
      from: new Date(query.from),
      to: new Date(query.to),
      groupBy: query.groupBy,
    });
    return statisticsView(rows);
  }
}
