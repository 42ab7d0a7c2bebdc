/**
 * 条例 Art.10 para.1: the departments that receive an accident report report it up "并通知公安机关、
 * 劳动保障行政部门、工会和人民检察院". Each department that received the report records whom it
 * notified, when and how; a body not yet notified is missing. **UNVERIFIED**: STATUTES.md verifies the
 * chain and its 2 hours (Art.10, 11); the list of bodies is cited from the regulation's text.
 */
export const NOTIFIED_BODIES = ['POLICE', 'HUMAN_RESOURCES_SOCIAL_SECURITY', 'TRADE_UNION', 'PROCURATORATE'] as const;
export type NotifiedBody = (typeof NOTIFIED_BODIES)[number];

export const NOTIFIED_BODY_LABELS: Readonly<Record<NotifiedBody, [zh: string, en: string]>> = {
  POLICE: ['公安机关', 'Public security (police)'],
  HUMAN_RESOURCES_SOCIAL_SECURITY: [
    '劳动保障行政部门（人力资源社会保障）',
    'Labour (human resources and social security)',
  ],
  TRADE_UNION: ['工会', 'Trade union'],
  PROCURATORATE: ['人民检察院', "People's procuratorate"],
};

/** The bodies as a step's title names them (公安、人社、工会、检察院). */
export const NOTIFIED_BODY_SHORT_LABELS: Readonly<Record<NotifiedBody, string>> = {
  POLICE: '公安',
  HUMAN_RESOURCES_SOCIAL_SECURITY: '人社',
  TRADE_UNION: '工会',
  PROCURATORATE: '检察院',
};

/** How a report or a notification went out. */
export const REPORT_MEANS = ['PHONE', 'FAX', 'DOCUMENT', 'INFORMATION_SYSTEM', 'IN_PERSON'] as const;
export type ReportMeans = (typeof REPORT_MEANS)[number];

export const REPORT_MEANS_LABELS: Readonly<Record<ReportMeans, [zh: string, en: string]>> = {
  PHONE: ['电话', 'Phone'],
  FAX: ['传真', 'Fax'],
  DOCUMENT: ['书面报告', 'Written report'],
  INFORMATION_SYSTEM: ['信息系统', 'Information system'],
  IN_PERSON: ['当面', 'In person'],
};

/**
 * The bodies a department has not notified yet, in the statute's order, of those it notifies (its accident
 * department policy's `notifiedBodies`; DEFAULT all four).
 */
export function missingNotifications(
  notified: Iterable<string>,
  bodies: readonly NotifiedBody[] = NOTIFIED_BODIES,
): NotifiedBody[] {
  const done = new Set(notified);
  return NOTIFIED_BODIES.filter((body) => bodies.includes(body) && !done.has(body));
}
