import type { z } from 'zod';
import type { ComplaintRead } from '@safety/application';
import type { ComplaintEntity, ComplaintStatisticsRow } from '@safety/persistence';
import type { ComplaintDetailDto, ComplaintViewSchema } from './complaint.schemas';

type ComplaintView = z.infer<typeof ComplaintViewSchema>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A complaint for the officers' list: never the informant. */
export const complaintView = (complaint: ComplaintEntity): ComplaintView => ({
  id: complaint.id,
  caseId: complaint.caseId,
  code: complaint.trackingCode,
  channel: complaint.channel as ComplaintView['channel'],
  status: complaint.status as ComplaintView['status'],
  receivedAt: complaint.receivedAt.toISOString(),
  departmentId: complaint.departmentId,
  receivedByDepartmentId: complaint.receivedByDepartmentId,
  description: complaint.description,
  place: complaint.place,
  enterpriseName: complaint.enterpriseText,
  enterpriseId: complaint.enterpriseId,
  sectorCode: complaint.sectorCode,
  anonymous: complaint.anonymous,
  transfers: complaint.transfers.map((transfer) => ({
    from: String(transfer.from),
    to: String(transfer.to),
    reason: String(transfer.reason),
    at: new Date(String(transfer.at)).toISOString(),
  })),
  mergedIntoId: complaint.mergedIntoId,
  inspectionCaseId: complaint.inspectionCaseId,
  penaltyCaseId: complaint.penaltyCaseId,
  verifiedTrue: complaint.verifiedTrue,
  verifiedGrade: complaint.verifiedGrade,
  feedbackAt: iso(complaint.feedbackAt),
  feedbackOnTime: complaint.feedbackOnTime,
  reward: complaint.rewardStatus
    ? {
        status: complaint.rewardStatus,
        amountYuan: complaint.rewardAmountYuan === null ? null : Number(complaint.rewardAmountYuan),
        paidAt: iso(complaint.rewardPaidAt),
      }
    : null,
  closedAt: iso(complaint.closedAt),
});

/** One complaint: the informant only when the service let this reader see it. */
export const complaintDetail = (read: ComplaintRead): ComplaintDetailDto => ({
  ...complaintView(read.complaint),
  informant: read.informant,
  findings: read.complaint.findings,
  result: read.complaint.result,
  feedback: read.complaint.feedback,
});

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

export const statisticsView = (rows: ComplaintStatisticsRow[]) => ({
  items: rows.map((row) => ({
    ...row,
    verifiedTrueRate: rate(row.verifiedTrue, row.verified),
    onTimeFeedbackRate: rate(row.answeredOnTime, row.answered),
  })),
});
