import type { z } from 'zod';
import type { PublishedSummons, SummonsRead, SupervisionItemRead } from '@safety/application';
import { SUMMONS_TARGET_KIND_LABELS, SummonsTargetKind } from '@safety/domain/supervision/item';
import { maskPersonName } from '@safety/domain/privacy/mask';
import type { SummonsEntity, SupervisionItemEntity } from '@safety/persistence';
import type {
  SummonsDetailDto,
  SummonsViewSchema,
  SupervisionItemDetailDto,
  SupervisionItemViewSchema,
} from './supervision.schemas';

type ItemView = z.infer<typeof SupervisionItemViewSchema>;
type SummonsView = z.infer<typeof SummonsViewSchema>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const itemView = (item: SupervisionItemEntity): ItemView => ({
  id: item.id,
  caseId: item.caseId,
  title: item.title,
  description: item.description,
  basis: {
    kind: item.basisKind as ItemView['basis']['kind'],
    reference: item.basisReference,
    caseId: item.basisCaseId,
  },
  issuerDepartmentId: item.issuerDepartmentId,
  leadDepartmentId: item.leadDepartmentId,
  coResponsibleDepartmentIds: item.coResponsibleDepartmentIds,
  startDate: item.startDate,
  deadline: item.deadline,
  reportingFrequency: item.frequency as ItemView['reportingFrequency'],
  status: item.status as ItemView['status'],
  milestones: item.milestones.map((milestone) => ({
    index: milestone.index,
    title: milestone.title,
    dueDate: milestone.dueDate,
    outcome: milestone.outcome,
    checkedAt: milestone.checkedAt ? new Date(milestone.checkedAt).toISOString() : null,
    summonsCaseId: milestone.summonsCaseId,
  })),
  closedAt: iso(item.closedAt),
  createdAt: item.createdAt.toISOString(),
});

export const itemDetail = ({ item, reports }: SupervisionItemRead): SupervisionItemDetailDto => ({
  ...itemView(item),
  reports: reports.map((report) => ({
    departmentId: report.departmentId,
    period: report.period,
    progress: report.progress,
    percentComplete: report.percentComplete,
    onTime: report.onTime,
    reportedAt: report.reportedAt.toISOString(),
  })),
  completion: item.completion.map((entry) => ({
    round: entry.round,
    stage: entry.stage,
    note: entry.note,
    at: new Date(entry.at).toISOString(),
  })),
});

/** A summons for a list: the person summoned masked (lists are read by the whole jurisdiction). */
export const summonsView = (summons: SummonsEntity, full = false): SummonsView => ({
  id: summons.id,
  caseId: summons.caseId,
  departmentId: summons.departmentId,
  supervisionItemId: summons.supervisionItemId,
  milestoneIndex: summons.milestoneIndex,
  targetKind: summons.targetKind as SummonsView['targetKind'],
  targetName: summons.targetName,
  principalName: full ? summons.principalName : maskPersonName(summons.principalName),
  reason: summons.reason,
  basis: summons.basis,
  scheduledOn: summons.scheduledOn,
  heldOn: summons.heldOn,
  status: summons.status as SummonsView['status'],
  publication: summons.publication as SummonsView['publication'],
  closedAt: iso(summons.closedAt),
  createdAt: summons.createdAt.toISOString(),
});

/** One summons: names in full for the department that summoned, masked for the item's other departments. */
export const summonsDetail = ({ summons, commitments, full }: SummonsRead): SummonsDetailDto => {
  const name = (value: string) => (full ? value : maskPersonName(value));
  const people = (list: Array<{ name: string; position: string }>) =>
    list.map((person) => ({ name: name(person.name), position: person.position }));
  return {
    ...summonsView(summons, full),
    attendees: people(summons.attendees),
    attendeesPresent: summons.attendeesPresent ? people(summons.attendeesPresent) : null,
    minutes: summons.minutes,
    commitments: commitments.map((commitment) => ({
      index: commitment.index,
      content: commitment.content,
      responsible: name(commitment.responsible),
      deadline: commitment.deadline,
      status: commitment.status as 'OPEN' | 'VERIFIED',
      rounds: commitment.verifications.length,
      verifiedAt: iso(commitment.verifiedAt),
    })),
  };
};

const PUBLICATION_CHANNEL_LABELS: Record<string, string> = { WEBSITE: '政府网站', MEDIA: '新闻媒体', BULLETIN: '通报' };
const COMMITMENT_STATUS_LABELS: Record<string, string> = { OPEN: '整改中', VERIFIED: '已核实' };

/** 约谈情况公开: what the public reads of a published summons; the person summoned masked, attendees and minutes left out. */
export const publicSummonsView = ({ summons, departmentName, commitments }: PublishedSummons) => {
  const publication = summons.publication as { publishedOn: string; channel: string; summary: string };
  return {
    department: departmentName,
    targetKind: summons.targetKind as SummonsTargetKind,
    targetKindLabel: SUMMONS_TARGET_KIND_LABELS[summons.targetKind as SummonsTargetKind] ?? summons.targetKind,
    targetName: summons.targetName,
    principalName: maskPersonName(summons.principalName),
    reason: summons.reason,
    basis: summons.basis,
    heldOn: summons.heldOn,
    publishedOn: publication.publishedOn,
    channel: publication.channel,
    channelLabel: PUBLICATION_CHANNEL_LABELS[publication.channel] ?? publication.channel,
    summary: publication.summary,
    commitments: commitments.map((commitment) => ({
      content: commitment.content,
      deadline: commitment.deadline,
      status: commitment.status as 'OPEN' | 'VERIFIED',
      statusLabel: COMMITMENT_STATUS_LABELS[commitment.status] ?? commitment.status,
    })),
  };
};
