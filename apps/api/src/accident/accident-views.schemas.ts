import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { NOTIFIED_BODIES } from '@safety/domain/accident/report-notifications';
import { isoInstant, isoInstantOrNull, localDate, pageOf, uuid } from '../contract/schemas';
import { TaskViewSchema } from '../tasks/task.view';

// What the accident endpoints answer. In the detail, free text, names and ID numbers are masked
// unless the unmasked view was asked for and allowed (accident-privacy.ts): a masked value is
// still a string of its field, so one schema describes both views.

const grade = () =>
  z.enum(['GENERAL', 'LARGER', 'MAJOR', 'EXTRAORDINARY']).meta({ description: '事故等级 (条例 Art.3)' });

export const AccidentViewSchema = z.object({
  id: uuid().meta({ description: 'The accident case' }),
  title: z.string(),
  status: z.string().meta({ description: 'The case status (REPORTED, TEAM_FORMATION, INVESTIGATING, … CLOSED)' }),
  workflowId: z.string(),
  departmentId: uuid().meta({ description: 'The investigating department (a 补报 may move it up, 条例 Art.20)' }),
  enterpriseId: uuid().nullable(),
  occurredAt: isoInstant(),
  unitNotifiedAt: isoInstantOrNull().meta({ description: 'When the unit head was told (条例 Art.9 clock start)' }),
  reportedAt: isoInstant(),
  place: z.string(),
  summary: z.string().meta({ description: '事故简要经过' }),
  sectorCode: z.string(),
  sectorClass: z.string().meta({ description: 'ROAD_TRAFFIC, FIRE or OTHER: the 补报 window (条例 Art.13)' }),
  regionId: uuid(),
  deaths: z.int(),
  seriousInjuries: z.int(),
  directLossYuan: z.number(),
  grade: grade(),
  investigatingLevel: z.string().meta({ description: 'COUNTY, CITY, PROVINCE or STATE_COUNCIL (条例 Art.19)' }),
  investigatingLevelExact: z
    .boolean()
    .meta({ description: 'false when no department of that level exists and the nearest one above investigates' }),
  reportingDepartmentId: uuid(),
  investigatingDepartmentId: uuid(),
  reportTimeliness: z.enum(['ON_TIME', 'LATE']).meta({ description: '迟报 against the 1-hour rule (条例 Art.9)' }),
  lateByMinutes: z.int(),
  reportingFlags: z.array(z.string()).meta({ description: 'LATE (computed), OMITTED, FALSE_REPORT, CONCEALED' }),
  teamLeadId: uuid().nullable(),
  procuratorateInvited: z.boolean().nullable(),
  teamFormedAt: isoInstantOrNull(),
  createdBy: uuid(),
  createdAt: isoInstant(),
  updatedAt: isoInstant(),
});
export type AccidentView = z.infer<typeof AccidentViewSchema>;

export class AccidentDto extends createZodDto(AccidentViewSchema) {}
export class AccidentPageDto extends createZodDto(pageOf(AccidentViewSchema)) {}

export const TeamMemberViewSchema = z.object({
  userId: uuid(),
  teamRole: z.string().meta({ description: 'LEAD, MEMBER, DISCIPLINE, POLICE, TRADE_UNION, PROCURATORATE or EXPERT' }),
  departmentId: uuid(),
});

export const CasualtyRevisionViewSchema = z.object({
  deaths: z.int(),
  seriousInjuries: z.int(),
  directLossYuan: z.number(),
  previousGrade: grade(),
  newGrade: grade(),
  movedToDepartmentId: uuid()
    .nullable()
    .meta({ description: 'Where the investigation moved (条例 Art.20), if it did' }),
  reportedBy: uuid().meta({ description: 'The officer who entered it' }),
  reportedAt: isoInstant().meta({ description: 'When it was entered' }),
  receivedOn: localDate().meta({
    description: 'The day the agency received it (China local date): the Art.13 window counts from it',
  }),
  receiptAttachmentIds: z
    .array(uuid())
    .meta({ description: 'The receipt of one received before the day it was entered' }),
});

export const ReportViewSchema = z.object({
  version: z.int(),
  status: z.enum(['SUBMITTED', 'RETURNED', 'APPROVED']),
  directCauses: z.string(),
  indirectCauses: z.string(),
  summary: z.string().nullable(),
  educationMeasures: z.string(),
  findsNoResponsibleParty: z.boolean(),
  submittedBy: uuid(),
  submittedAt: isoInstant(),
  decidedBy: uuid().nullable(),
  decidedAt: isoInstantOrNull(),
  decisionComment: z.string().nullable(),
  publishedAt: isoInstantOrNull(),
});

export const PartyViewSchema = z.object({
  id: uuid(),
  seq: z.int(),
  kind: z.enum(['ENTERPRISE', 'ENTERPRISE_STAFF', 'PUBLIC_OFFICIAL']),
  name: z.string().meta({ description: 'A referred public official by surname only unless unmasked' }),
  enterpriseId: uuid().nullable(),
  organisation: z.string().nullable(),
  position: z.string().nullable().meta({ description: 'null for a referred public official unless unmasked' }),
  idNumber: z.string().nullable().meta({ description: 'Region and last four characters only unless unmasked' }),
  responsibility: z.string(),
  proposedHandling: z.string(),
  handlingDetail: z.string().nullable(),
  outcome: z.string().meta({
    description:
      'PENDING or the recorded outcome; for a public official only PENDING or HANDLED (the handling stays with the discipline body)',
  }),
  outcomeDetail: z.record(z.string(), z.unknown()).nullable(),
  outcomeRecordedAt: isoInstantOrNull(),
  linkedCaseId: uuid().nullable().meta({ description: 'The penalty case or criminal transfer opened for the party' }),
});

export const MeasureViewSchema = z.object({
  id: uuid(),
  seq: z.int(),
  description: z.string(),
  owner: z.string(),
  dueDate: localDate(),
  status: z.enum(['OPEN', 'EVIDENCE_SUBMITTED', 'VERIFIED', 'REOPENED']),
  round: z.int(),
  evidence: z.record(z.string(), z.unknown()),
  evidenceBy: uuid().nullable(),
  evidenceAt: isoInstantOrNull(),
  verifiedBy: uuid().nullable(),
  verifiedAt: isoInstantOrNull(),
});

export const EducationViewSchema = z.object({
  id: uuid(),
  heldOn: localDate(),
  topic: z.string(),
  location: z.string().nullable(),
  attendees: z.array(z.object({ name: z.string(), organisation: z.string().nullable().optional() })),
  attendeeCount: z.int(),
  recordedBy: uuid(),
  createdAt: isoInstant(),
});
export class EducationSessionViewDto extends createZodDto(EducationViewSchema) {}

/** The investigation clock (条例 Art.27, 29) as the workflow keeps it. */
export const ClockSchema = z.object({
  dueDate: localDate()
    .nullable()
    .meta({ description: 'Last day for the report; null while an appraisal stops the clock or the year is missing' }),
  dueAt: isoInstantOrNull(),
  paused: z.boolean(),
  pausedDays: z.int(),
  extensionDays: z.int(),
  appraisals: z.array(z.object({ from: localDate(), to: localDate().nullable() })),
  needsManualDueDate: z.boolean().meta({ description: 'The calendar of a year the clock runs into is not loaded' }),
  escalation: z.enum(['NONE', 'YELLOW', 'RED']),
});
export class ClockDto extends createZodDto(ClockSchema) {}

/** 挂牌督办 as the workflow keeps it. */
export const ListingStateSchema = z.object({
  noticeNo: z.string(),
  listedOn: localDate(),
  deadlineDays: z.int(),
  completedAt: isoInstantOrNull(),
  progressReports: z.int(),
});
export class ListingStateDto extends createZodDto(ListingStateSchema) {}

/** 越级上报: the higher level's report it opened. */
export class SkipLevelReportResultDto extends createZodDto(
  z.object({
    chain: z.enum(['EMERGENCY_MANAGEMENT', 'SECTOR']),
    level: z.enum(['CITY', 'PROVINCE']),
    departmentId: uuid().meta({ description: 'The level reported to; its task is in that inbox' }),
    dueAt: isoInstant().meta({ description: '2 hours from this report (Art.11)' }),
  }),
) {}

/** 逐级上报 (条例 Art.10–11): one level of a chain, as its task records it. */
export const UpwardReportViewSchema = z.object({
  chain: z.enum(['EMERGENCY_MANAGEMENT', 'SECTOR']).meta({
    description: 'The emergency-management chain, or the chain of the department supervising the sector',
  }),
  level: z.string().meta({
    description: 'The level the report reaches: COUNTY, CITY, PROVINCE, or STATE_COUNCIL (重大/特别重大, Art.10(1))',
  }),
  departmentId: uuid().nullable().meta({
    description: "That level's department; null at STATE_COUNCIL, a body outside the installation (see departmentName)",
  }),
  departmentName: z.string().meta({
    description:
      "The department's name, or at STATE_COUNCIL the body reported to (e.g. 国务院应急管理部门（应急管理部）)",
  }),
  inboxDepartmentId: uuid().meta({
    description: 'In whose inbox the task is: the level itself, or at STATE_COUNCIL the province that reports to it',
  }),
  recipient: z.string().nullable().meta({ description: 'STATE_COUNCIL: who received the report (office, person)' }),
  means: z
    .string()
    .nullable()
    .meta({ description: 'STATE_COUNCIL: how it was reported (PHONE, FAX, DOCUMENT, INFORMATION_SYSTEM, IN_PERSON)' }),
  taskId: uuid(),
  dueAt: isoInstantOrNull().meta({ description: '2 hours after the level below received the report (Art.11)' }),
  reportedAt: isoInstantOrNull().meta({
    description: 'When the task was completed (STATE_COUNCIL: when the province says it reported); null while open',
  }),
  late: z.boolean().meta({ description: 'Reported after the due instant, or still open past it' }),
  skipLevel: z.boolean().meta({
    description: '越级上报 (Art.10 para.2): a level below reported straight to this one; due 2 hours from that report',
  }),
  reportedFromDepartmentId: uuid().nullable().meta({ description: 'skipLevel: the department that reported past' }),
});

const notifiedBody = () => z.enum(NOTIFIED_BODIES);

/** 条例 Art.10(1): whom a department that received the report notified, and whom not yet. */
export const ReportNotificationsViewSchema = z.object({
  departmentId: uuid().meta({ description: 'A department that received the report (the first report, or a level)' }),
  departmentName: z.string(),
  notified: z.array(
    z.object({
      body: notifiedBody(),
      notifiedAt: isoInstant(),
      means: z.string(),
      recipient: z.string().nullable(),
      notifiedBy: uuid().nullable(),
    }),
  ),
  missing: z.array(notifiedBody()).meta({ description: 'Bodies not notified yet, in the order Art.10 names them' }),
  openTaskId: uuid().nullable().meta({ description: "The department's open notification step, if any" }),
});

const caseStatus = () =>
  z.enum(['TEAM_FORMATION', 'INVESTIGATING', 'AWAITING_APPROVAL', 'IMPLEMENTING', 'CLOSED', 'REOPENED']);

/** The accident workflow's live state (getAccidentState). */
export const AccidentStateSchema = z.object({
  caseId: uuid(),
  status: caseStatus(),
  grade: grade(),
  departmentId: uuid(),
  teamLeadId: uuid().nullable(),
  reportVersion: z.int(),
  reportSubmitted: z.boolean(),
  approvedAt: isoInstantOrNull(),
  clock: ClockSchema,
  listing: ListingStateSchema.nullable(),
  evaluation: z.object({
    opensAt: isoInstantOrNull().meta({ description: 'When the one-year evaluation opens (条例 Art.33)' }),
    openedAt: isoInstantOrNull(),
    completedAt: isoInstantOrNull(),
  }),
  closedAt: isoInstantOrNull(),
  history: z.array(z.object({ at: isoInstant(), status: caseStatus(), by: uuid().nullable() })),
});

export class AccidentDetailDto extends createZodDto(
  AccidentViewSchema.extend({
    team: z.array(TeamMemberViewSchema),
    casualtyRevisions: z.array(CasualtyRevisionViewSchema).meta({ description: '补报 (条例 Art.13), oldest first' }),
    report: ReportViewSchema.nullable().meta({ description: 'The latest version of the investigation report' }),
    responsibleParties: z.array(PartyViewSchema).meta({ description: 'Of the latest report' }),
    rectificationMeasures: z.array(MeasureViewSchema).meta({ description: 'Of the latest report' }),
    educationSessions: z.array(EducationViewSchema),
    evaluation: z
      .object({
        openedAt: isoInstant(),
        completedAt: isoInstantOrNull(),
        teamIds: z.array(uuid()),
        findings: z.string().nullable(),
        slippedMeasureIds: z.array(uuid()),
        publishedAt: isoInstantOrNull(),
      })
      .nullable()
      .meta({ description: 'The one-year evaluation of the measures, once opened' }),
    supervisedListing: z
      .object({
        noticeNo: z.string(),
        listedOn: localDate(),
        deadlineDays: z.int(),
        listedByDepartmentId: uuid(),
        completedAt: isoInstantOrNull(),
      })
      .nullable(),
    upwardReports: z.array(UpwardReportViewSchema).meta({
      description: '逐级上报 (条例 Art.10–11), per chain lowest level first; a level opens once the one below reported',
    }),
    reportNotifications: z.array(ReportNotificationsViewSchema).meta({
      description:
        '条例 Art.10(1): per department that received the report, the police/labour/union/procuratorate notified',
    }),
    workflow: AccidentStateSchema,
    tasks: z.array(TaskViewSchema),
    personalData: z
      .enum(['MASKED', 'UNMASKED'])
      .meta({ description: 'MASKED by default; UNMASKED only for ?unmask=true by whom it is allowed (audited)' }),
  }),
) {}

export class ReportingFlagsDto extends createZodDto(
  z.object({
    id: uuid(),
    reportingFlags: z.array(z.string()),
    consequences: z
      .array(
        z.object({
          flag: z.enum(['LATE', 'OMITTED', 'FALSE_REPORT', 'CONCEALED']),
          target: z.enum(['PRINCIPAL', 'ENTERPRISE', 'OFFICIAL']),
          kind: z.enum(['PENALTY', 'DISCIPLINE_REFERRAL']),
          caseId: uuid()
            .nullable()
            .meta({ description: 'The penalty case; null for a referral (it stays with the body)' }),
        }),
      )
      .meta({ description: 'What the flag opened (条例 Art.36): penalty cases and discipline referrals' }),
  }),
) {}

export class CasualtyRevisionResultDto extends createZodDto(
  z.object({
    previousGrade: grade(),
    grade: grade(),
    investigatingLevel: z.string(),
    departmentId: uuid().meta({ description: 'The investigating department after the 补报' }),
    movedUp: z.boolean().meta({ description: 'The investigation moved up a level (条例 Art.20)' }),
  }),
) {}

/** 四不放过: the four closure gates and what still blocks closure. */
export class GatesDto extends createZodDto(
  z.object({
    causesEstablished: z.boolean(),
    responsiblePartiesHandled: z.boolean(),
    rectificationVerified: z.boolean(),
    educationRecorded: z.boolean(),
    closable: z.boolean(),
    missing: z.array(z.string()).meta({ description: 'Stable codes (with ids where relevant) of the open gates' }),
    reportVersion: z.int().nullable(),
    parties: z.array(
      z.object({
        id: uuid(),
        seq: z.int(),
        kind: z.string(),
        proposedHandling: z.string(),
        handled: z.boolean(),
        outcome: z.string().optional().meta({ description: 'Absent for a referred public official' }),
        linkedCase: z
          .object({ id: uuid(), caseType: z.string(), status: z.string() })
          .nullable()
          .optional()
          .meta({ description: 'Absent for a referred public official' }),
      }),
    ),
    reportingConsequences: z
      .array(
        z.object({
          id: uuid(),
          flag: z.enum(['LATE', 'OMITTED', 'FALSE_REPORT', 'CONCEALED']),
          target: z.enum(['PRINCIPAL', 'ENTERPRISE', 'OFFICIAL']),
          handled: z.boolean().meta({ description: 'The penalty case is decided (or ended) / the referral answered' }),
          linkedCase: z
            .object({ id: uuid(), caseType: z.string(), status: z.string() })
            .nullable()
            .optional()
            .meta({ description: 'The penalty case; absent for a referred official' }),
        }),
      )
      .meta({
        description: '迟报/漏报/谎报/瞒报 consequences (条例 Art.36), each holding 责任人员未处理不放过 until handled',
      }),
  }),
) {}

export class ClosedDto extends createZodDto(z.object({ status: caseStatus(), closedAt: isoInstant() })) {}
