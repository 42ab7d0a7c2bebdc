import { Spin } from 'antd';
import { useI18n } from '../lib/i18n';
import { useTaskTypes } from '../lib/task-types';
import { InboxPage } from './InboxPage';

/**
 * 法制审核 (行政处罚法 Art.58): the steps of the published catalogue that only a legal reviewer takes, in the
 * reviewer's department; each opens beside the proposal, the evidence and the benchmark. Which steps those
 * are comes from GET /task-types, so a new review step joins the queue with no change here.
 */
export function LegalReviewPage() {
  const { t } = useI18n();
  const taskTypes = useTaskTypes();
  if (!taskTypes.data) return <Spin />;
  const reviewTypes = taskTypes.data
    .filter((type) => type.roles.length > 0 && type.roles.every((role) => role === 'LEGAL_REVIEWER'))
    .map((type) => type.type);
  return <InboxPage types={reviewTypes} title={t('reviewQueue')} />;
}
