import { useI18n } from '../lib/i18n';
import { InboxPage } from './InboxPage';

/** 法制审核 (行政处罚法 Art.58): the review steps of the reviewer's department; each opens beside the proposal and evidence. */
export function LegalReviewPage() {
  const { t } = useI18n();
  return <InboxPage fixedType="LEGAL_REVIEW" title={t('reviewQueue')} />;
}
