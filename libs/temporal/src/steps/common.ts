import { z } from 'zod';
import { choice, form, instant, label, text } from './fields';

/** Labels of outcomes that recur across steps. */
export const OUTCOME = {
  APPROVE: label('批准', 'Approve'),
  REJECT: label('不予批准', 'Reject'),
  RETURN: label('退回', 'Return'),
  SUBMIT: label('提交', 'Submit'),
  SERVED: label('已送达', 'Served'),
  REPORTED: label('已报告', 'Reported'),
  COMPLETE: label('完成', 'Complete'),
};

/** 送达方式 (行政处罚法 Art.61; 民事诉讼法 on the manners of service). */
export const SERVICE_METHOD = choice(['送达方式', 'Manner of service'], {
  ON_THE_SPOT: ['当场交付', 'On the spot'],
  DIRECT: ['直接送达', 'In person'],
  POSTAL: ['邮寄送达', 'By post'],
  ELECTRONIC: ['电子送达', 'Electronically (with consent)'],
  LEFT_AT_RESIDENCE: ['留置送达', 'Left at the residence'],
  PUBLIC_NOTICE: ['公告送达', 'By public notice'],
});

/** A service record (送达回证): when, how and to whom a document was served. */
export const serviceRecord = () =>
  form({
    servedAt: instant(['送达时间', 'Served at']),
    method: SERVICE_METHOD,
    recipient: text(['受送达人', 'Recipient'], 200),
  });

export type ServiceRecord = z.output<ReturnType<typeof serviceRecord>>;

/** Refines a list of objects so that `key` is distinct across the list (reported at the duplicate). */
export const distinctBy =
  <Item extends Record<string, unknown>>(key: keyof Item & string, message: string) =>
  (items: Item[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      if (seen.has(item[key])) ctx.addIssue({ code: 'custom', path: [index, key], message });
      seen.add(item[key]);
    });
  };
