import { DOCUMENT_KINDS, DocumentKind } from '@safety/domain/enforcement/document-number';

/** Escapes text for HTML element content and attribute values. Every value from data goes through it. */
export function escapeHtml(v: unknown): string {
  const s =
    v === null || v === undefined
      ? ''
      : typeof v === 'string'
        ? v
        : typeof v === 'number' || typeof v === 'boolean'
          ? String(v)
          : JSON.stringify(v);
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface RenderContext {
  kind: DocumentKind;
  number: string;
  issuedOn: string;
  departmentName: string;
  caseTitle: string | null;
  caseReference: string | null;
  party: { name: string; creditCode: string | null; position?: string | null; address?: string | null } | null;
  data: Record<string, unknown>;
}

const str = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'string'
      ? v
      : typeof v === 'number'
        ? String(v)
        : JSON.stringify(v);
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(str) : v === undefined || v === null || v === '' ? [] : [str(v)];
const yuan = (v: unknown): string => {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  const [int, frac] = v.toFixed(2).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac} 元`;
};

/** A labelled row; `value` is escaped here. */
const row = (label: string, value: unknown): string =>
  `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(str(value)) || '—'}</td></tr>`;
const para = (text: unknown): string => `<p>${escapeHtml(str(text))}</p>`;
/** An organisation's credit code, or for an individual held to account for one, the organisation and position. */
const partyIdentity = (party: RenderContext['party']): string =>
  party?.position ? row('单位及职务', party.position) : row('统一社会信用代码', party?.creditCode);
const items = (values: string[]): string =>
  values.length ? `<ol>${values.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ol>` : '<p>—</p>';

/** 案件来源 on the filing form: the origin the case was opened from (a case opened by hand has none named). */
const CASE_SOURCE_LABELS: Record<string, string> = {
  MANUAL: '其他',
  INSPECTION: '监督检查',
  ACCIDENT: '事故调查',
  COMPLAINT: '投诉举报',
};

const MEASURE_LABELS: Record<string, string> = {
  WARNING: '警告',
  CRITICISM: '通报批评',
  FINE: '罚款',
  CONFISCATION: '没收违法所得、没收非法财物',
  QUALIFICATION_DOWNGRADE: '降低资质等级',
  LICENCE_REVOCATION: '吊销许可证件',
  LICENCE_SUSPENSION: '暂扣许可证件',
  SUSPEND_PRODUCTION: '责令停产停业',
  CLOSURE: '责令关闭',
  PRACTICE_RESTRICTION: '限制从业',
};

export const penaltyText = (measures: unknown, fineYuan: unknown): string => {
  const ms = list(measures).map((m) => (m === 'FINE' ? `罚款人民币${yuan(fineYuan)}` : (MEASURE_LABELS[m] ?? m)));
  return ms.length ? ms.join('；') : '—';
};

function body(ctx: RenderContext): string {
  const d = ctx.data;
  switch (ctx.kind) {
    case 'FILING_APPROVAL_FORM':
      return (
        `<table>${row('案件名称', ctx.caseTitle)}${row('当事人', ctx.party?.name)}${partyIdentity(ctx.party)}` +
        `${row('案件来源', CASE_SOURCE_LABELS[str(d.source)] ?? d.source)}${row('承办人', list(d.handlers).join('、'))}${row('审批意见', d.comment)}${row('审批人', d.approver)}${row('立案日期', d.filedOn)}</table>`
      );
    case 'PENALTY_NOTICE':
      return (
        `${para(`${ctx.party?.name ?? ''}：`)}${para('经调查，你（单位）存在下列违法行为：')}${para(d.facts)}` +
        `${para(`依据${str(d.legalBasis)}，本机关拟对你（单位）作出如下行政处罚：${penaltyText(d.measures, d.fineYuan)}。`)}` +
        `${para(`根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩，请于收到本告知书之日起${str(d.statementDays)}个工作日内提出。`)}` +
        (d.hearingEligible
          ? para(
              `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求举行听证，请于收到本告知书之日起${str(d.hearingRequestDays)}个工作日内提出；逾期视为放弃。`,
            )
          : '')
      );
    case 'HEARING_NOTICE':
      return (
        `${para(`${ctx.party?.name ?? ''}：`)}${para(`根据你（单位）的听证申请，本机关定于${str(d.hearingDate)}在${str(d.location)}举行听证。`)}` +
        `${para('无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利（《中华人民共和国行政处罚法》第六十四条）。')}`
      );
    case 'PENALTY_DECISION':
      return (
        `${para(`当事人：${ctx.party?.name ?? ''}，${ctx.party?.position ? `单位及职务：${ctx.party.position}` : `统一社会信用代码：${ctx.party?.creditCode ?? '—'}`}`)}${para('违法事实：')}${para(d.facts)}` +
        `${para('证据：')}${items(list(d.evidence))}${para(`以上事实违反了相关规定，依据${str(d.legalBasis)}，决定给予以下行政处罚：${penaltyText(d.measures, d.fineYuan)}。`)}` +
        `${para('理由：')}${para(d.reasons)}` +
        `${para('罚款应自收到本决定书之日起十五日内缴纳；到期不缴纳的，每日按罚款数额的百分之三加处罚款（《中华人民共和国行政处罚法》第六十七条、第七十二条）。')}` +
        `${para('如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。')}`
      );
    case 'NO_PENALTY_DECISION':
      return `${para(`当事人：${ctx.party?.name ?? ''}`)}${para(d.facts)}${para(`本机关决定不予行政处罚。理由：${str(d.reasons)}`)}`;
    case 'PAYMENT_DEMAND':
      return (
        `${para(`${ctx.party?.name ?? ''}：`)}${para(`本机关于${str(d.decisionDate)}作出${str(d.decisionNumber)}行政处罚决定，你（单位）至今未履行。`)}` +
        `${para(`截至${str(d.asOf)}，应缴罚款${yuan(d.fineYuan)}，加处罚款${yuan(d.surchargeYuan)}。请于收到本催告书之日起${str(d.waitDays)}个工作日内履行；逾期仍不履行的，本机关将依法申请人民法院强制执行（《中华人民共和国行政强制法》第五十四条）。`)}`
      );
    case 'RECTIFICATION_ORDER':
      return (
        `${para(`${ctx.party?.name ?? ''}：`)}${para('经检查，你单位存在下列问题：')}${items(list(d.findings))}` +
        `${para(`依据${str(d.legalBasis)}，现责令你单位于${str(d.deadline)}前整改完毕，达到有关法律法规和标准的要求。`)}${para(d.note)}`
      );
  }
}

const STYLE =
  'body{font-family:"SimSun","Songti SC",serif;max-width:760px;margin:2em auto;line-height:1.8}h1{text-align:center;font-size:1.6em}' +
  '.no{text-align:right}table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:.4em;text-align:left;vertical-align:top}' +
  'th{width:10em}.seal{text-align:right;margin-top:3em}@media print{body{margin:0}}';

/** A complete, printable HTML document. Data is escaped; nothing from data can inject markup or script. */
export function renderDocument(ctx: RenderContext): string {
  const title = DOCUMENT_KINDS[ctx.kind].title;
  return (
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<title>${escapeHtml(title)} ${escapeHtml(ctx.number)}</title><style>${STYLE}</style></head><body>` +
    `<h1>${escapeHtml(ctx.departmentName)}<br>${escapeHtml(title)}</h1><p class="no">${escapeHtml(ctx.number)}</p>` +
    body(ctx) +
    `<p class="seal">${escapeHtml(ctx.departmentName)}<br>${escapeHtml(ctx.issuedOn)}</p></body></html>`
  );
}
