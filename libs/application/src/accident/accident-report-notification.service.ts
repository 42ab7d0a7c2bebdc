import { Injectable } from '@nestjs/common';
import { missingNotifications, NOTIFIED_BODIES, NotifiedBody } from '@safety/domain/accident';
import { AccidentReportingRepository, TaskRepository, UnitOfWork } from '@safety/persistence';
import type { ReportNotificationRecord } from '@safety/temporal/accident.activities';
import { AccidentTaskType } from '@safety/temporal/contracts/accident.contract';
import { AuditService } from '../audit.service';

/** One body a department notified (条例 Art.10(1)). */
export interface ReportNotificationView {
  body: NotifiedBody;
  notifiedAt: string;
  means: string;
  recipient: string | null;
  notifiedBy: string | null;
}

/** A department that received the accident report: whom it notified, whom not yet, and its open step. */
export interface DepartmentNotificationsView {
  departmentId: string;
  departmentName: string;
  notified: ReportNotificationView[];
  missing: NotifiedBody[];
  openTaskId: string | null;
}

/**
 * 条例 Art.10(1): each department that received the accident report notifies 公安机关、劳动保障行政部门、
 * 工会和人民检察院 — recorded from its notification step, per department and body, and shown with the
 * bodies still missing.
 */
@Injectable()
export class AccidentReportNotificationService {
  constructor(
    private readonly reporting: AccidentReportingRepository,
    private readonly tasks: TaskRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** Idempotent: a retried activity (or a body recorded before) keeps the first record; audited once. */
  async record(input: ReportNotificationRecord): Promise<void> {
    await this.uow.transaction(async (tx) => {
      const inserted = await this.reporting.recordNotifications(
        input.notifications.map((n) => ({
          caseId: input.caseId,
          departmentId: input.departmentId,
          body: n.body,
          notifiedAt: new Date(n.notifiedAt),
          means: n.means,
          recipient: n.recipient ?? null,
          notifiedBy: input.notifiedBy,
          taskKey: input.taskKey,
        })),
        tx,
      );
      if (inserted === 0) return;
      await this.audit.record(
        {
          caseId: input.caseId,
          actorId: input.notifiedBy,
          action: 'ACCIDENT_REPORT_NOTIFIED',
          summary: {
            departmentId: input.departmentId,
            notifications: input.notifications.map((n) => ({ body: n.body, notifiedAt: n.notifiedAt, means: n.means })),
          },
        },
        tx,
      );
    });
  }

  /** Per department that received the report (one that has a notification step), in the order the steps opened. */
  async list(caseId: string): Promise<DepartmentNotificationsView[]> {
    const steps = (await this.tasks.listForCase(caseId)).filter(
      (t) => t.type === AccidentTaskType.REPORT_NOTIFICATIONS,
    );
    const records = await this.reporting.listNotifications(caseId);
    const views = new Map<string, DepartmentNotificationsView>();
    // The bodies a department notifies: those its first step asked for (its policy when the case planned it).
    const asked = new Map<string, readonly NotifiedBody[]>();
    for (const t of steps) {
      if (!asked.has(t.departmentId))
        asked.set(
          t.departmentId,
          Array.isArray(t.payload.missing) ? (t.payload.missing as NotifiedBody[]) : NOTIFIED_BODIES,
        );
      const view = views.get(t.departmentId) ?? {
        departmentId: t.departmentId,
        departmentName: String(t.payload.departmentName ?? ''),
        notified: [],
        missing: [],
        openTaskId: null,
      };
      if (t.status === 'OPEN' || t.status === 'CLAIMED') view.openTaskId = t.id;
      views.set(t.departmentId, view);
    }
    for (const r of records) {
      views.get(r.departmentId)?.notified.push({
        body: r.body as NotifiedBody,
        notifiedAt: r.notifiedAt.toISOString(),
        means: r.means,
        recipient: r.recipient,
        notifiedBy: r.notifiedBy,
      });
    }
    return [...views.values()].map((v) => ({
      ...v,
      missing: missingNotifications(
        v.notified.map((n) => n.body),
        asked.get(v.departmentId),
      ),
    }));
  }
}
