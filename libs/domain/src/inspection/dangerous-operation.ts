/**
 * 危险作业罪 (刑法 Art.134之一, in force 2021-03-01). A finding coded with one of these conducts must
 * prompt a criminal-transfer review (国务院令第310号 Art.3). Whether the conduct also created a
 * "现实危险" of serious casualties — the offence's other element — is for the review to judge, so
 * the rule only prompts; it never transfers by itself.
 */
export const DANGEROUS_OPERATION_CONDUCTS = {
  /** (一) 关闭、破坏直接关系生产安全的监控、报警、防护、救生设备、设施 */
  MONITORING_EQUIPMENT_DISABLED: '关闭、破坏直接关系生产安全的监控、报警、防护、救生设备、设施',
  /** (一) 篡改、隐瞒、销毁其相关数据、信息 */
  MONITORING_DATA_FALSIFIED: '篡改、隐瞒、销毁监控、报警等设备设施的相关数据、信息',
  /** (二) 因存在重大事故隐患被依法责令停产停业、停止施工、停止使用有关设备设施场所或者立即采取排除危险的整改措施，而拒不执行 */
  REFUSED_MAJOR_HAZARD_ORDER: '因存在重大事故隐患被依法责令停产停业等而拒不执行',
  /** (三) 涉及安全生产的事项未经依法批准或者许可，擅自从事高度危险的生产作业活动 */
  UNLICENSED_HIGH_RISK_OPERATION: '未经依法批准或者许可擅自从事高度危险的生产作业活动',
} as const;

export type DangerousOperationConduct = keyof typeof DANGEROUS_OPERATION_CONDUCTS;

export const isDangerousOperationConduct = (v: unknown): v is DangerousOperationConduct =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(DANGEROUS_OPERATION_CONDUCTS, v);

export interface CriminalReviewGround {
  conduct: DangerousOperationConduct;
  description: string;
  /** Index of the finding that carries the conduct. */
  findingIndex: number;
}

/**
 * The 刑法 Art.134之一 grounds among inspection findings, in finding order, one per (finding, conduct).
 * `refusedStopOrder` is the re-inspection's observation that work went on under a 重大事故隐患
 * stop order (Art.134之一(二)); it becomes a ground of its own.
 */
export function dangerousOperationGrounds(
  findings: ReadonlyArray<{ violationCodes?: readonly string[] }>,
  opts: { refusedStopOrderUnderMajorHazard?: boolean } = {},
): CriminalReviewGround[] {
  const out: CriminalReviewGround[] = [];
  const seen = new Set<string>();
  findings.forEach((f, i) => {
    for (const code of f.violationCodes ?? []) {
      if (!isDangerousOperationConduct(code) || seen.has(`${i}|${code}`)) continue;
      seen.add(`${i}|${code}`);
      out.push({ conduct: code, description: DANGEROUS_OPERATION_CONDUCTS[code], findingIndex: i });
    }
  });
  if (opts.refusedStopOrderUnderMajorHazard && !out.some((g) => g.conduct === 'REFUSED_MAJOR_HAZARD_ORDER')) {
    out.push({
      conduct: 'REFUSED_MAJOR_HAZARD_ORDER',
      description: DANGEROUS_OPERATION_CONDUCTS.REFUSED_MAJOR_HAZARD_ORDER,
      findingIndex: -1,
    });
  }
  return out;
}
