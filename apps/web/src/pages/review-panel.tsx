import type { HTMLAttributes } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Row, Spin, Table, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client';
import type { CaseDetail } from '../api/types';
import { ErrorNotice } from '../lib/components';
import { useI18n } from '../lib/i18n';
import { Evidence, StepPayload } from './case-sections';

/** What the case's workflow reports of the proposal under review (行政处罚法 Art.58: 法制审核 checks it). */
export type ProposalState = NonNullable<NonNullable<NonNullable<CaseDetail['workflow']>['procedure']>['proposal']>;
type Range = NonNullable<ProposalState['range']>;
const CIRCUMSTANCES = ['LENIENT', 'ORDINARY', 'SEVERE'] as const;

export function proposalOf(detail: CaseDetail | undefined): ProposalState | null {
  return detail?.workflow?.procedure?.proposal ?? null;
}

const yuan = (value: number) => value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const rangeText = (range: Range) => `${yuan(range.minYuan)} – ${yuan(range.maxYuan)}`;

/**
 * The proposal, the case's evidence and the discretion benchmark (行政处罚法 Art.34) side by side, for whoever
 * reviews or decides it. The proposal is labelled by the contract of the step that submitted it (the latest
 * completed step with the proposal's outcome), so no step type is named here.
 */
export function ReviewPanel({ detail, proposal }: { detail: CaseDetail; proposal: ProposalState }) {
  const { t } = useI18n();
  const proposalStep = [...detail.tasks]
    .reverse()
    .find((task) => task.status === 'COMPLETED' && task.outcome === proposal.outcome);
  const {
    outcome: _outcome,
    benchmarkId: _benchmarkId,
    range: _range,
    legalBasis: _legalBasis,
    proposedBy: _proposedBy,
    ...submitted
  } = proposal;
  return (
    <Row gutter={[16, 16]} data-testid="review-panel">
      <Col xs={24} xl={8}>
        <Card title={t('proposal')} data-testid="proposal" style={{ height: '100%' }}>
          <StepPayload type={proposalStep?.type} outcome={proposalStep?.outcome} value={submitted} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('caseEvidence')} data-testid="review-evidence" style={{ height: '100%' }}>
          <Evidence caseId={detail.id} readOnly />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('benchmark')} data-testid="benchmark" style={{ height: '100%' }}>
          <BenchmarkView proposal={proposal} />
        </Card>
      </Col>
    </Row>
  );
}

/** The benchmark entry of the proposal's violation: legal basis, statutory range, the three circumstance ranges. */
function BenchmarkView({ proposal }: { proposal: ProposalState }) {
  const { t, code } = useI18n();
  const id = proposal.benchmarkId;
  const benchmark = useQuery({
    queryKey: ['benchmark', id],
    queryFn: () => unwrap(api.GET('/enforcement/benchmarks/{version}', { params: { path: { version: id! } } })),
    enabled: !!id,
    staleTime: 3_600_000,
  });
  if (!id) return <Alert type="warning" showIcon message={t('benchmarkNone')} />;
  if (benchmark.error) return <ErrorNotice error={benchmark.error} />;
  if (!benchmark.data) return <Spin />;
  const entry = benchmark.data.entries.find((candidate) => candidate.violationType === proposal.violationType);
  if (!entry) return <Alert type="warning" showIcon message={t('benchmarkNone')} />;
  const fine = proposal.fineYuan;
  const applied = proposal.range;
  const within = applied && fine !== undefined ? fine >= applied.minYuan && fine <= applied.maxYuan : null;
  return (
    <>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('benchmarkVersion')}>
          {benchmark.data.id}（{benchmark.data.jurisdiction}）
        </Descriptions.Item>
        <Descriptions.Item label={t('violation')}>{entry.title ?? entry.violationType}</Descriptions.Item>
        <Descriptions.Item label={t('legalBasis')}>{entry.legalBasis}</Descriptions.Item>
        {entry.statutoryRange && (
          <Descriptions.Item label={t('statutoryRange')}>{rangeText(entry.statutoryRange)}</Descriptions.Item>
        )}
        {fine !== undefined && (
          <Descriptions.Item label={t('proposedFine')}>
            <span data-testid="proposed-fine">{yuan(fine)}</span>
            {within !== null && (
              <Tag color={within ? 'green' : 'red'} style={{ marginInlineStart: 8 }} data-within-range={String(within)}>
                {within ? t('withinRange') : t('outsideRange')}
              </Tag>
            )}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Table
        style={{ marginTop: 12 }}
        size="small"
        pagination={false}
        rowKey="circumstance"
        data-testid="benchmark-ranges"
        dataSource={CIRCUMSTANCES.map((circumstance) => ({ circumstance, range: entry.ranges[circumstance] }))}
        rowClassName={(row) => (row.circumstance === proposal.circumstance ? 'benchmark-applied' : '')}
        onRow={(row) => ({ 'data-circumstance': row.circumstance }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('circumstance'),
            key: 'circumstance',
            render: (_, row) => (
              <>
                {code(row.circumstance)}
                {row.circumstance === proposal.circumstance && (
                  <Tag color="blue" style={{ marginInlineStart: 8 }}>
                    {t('applied')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('fineRange'),
            key: 'range',
            render: (_, row) => <Typography.Text data-range>{rangeText(row.range)}</Typography.Text>,
          },
        ]}
      />
    </>
  );
}
