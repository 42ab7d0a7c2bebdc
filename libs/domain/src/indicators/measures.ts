/**
 * Plan indicators (规划指标): a small closed vocabulary of measures computed from the accident records and,
 * for rates, a denominator entered per region and year. The measures are those of the work-safety plans
 * (十四五 安全生产规划 indicator tables): 生产安全事故起数, 死亡人数, 亿元GDP生产安全事故死亡率,
 * 工矿商贸就业人员十万人生产安全事故死亡率, 道路交通万车死亡率 and 较大及以上事故起数. The plans themselves are
 * the duty of 安全生产法 Art.8 (县级以上地方各级人民政府 … 制定安全生产规划); no statute fixes the indicators'
 * arithmetic, so the sector scopes and published decimals below are DEFAULTs an indicator may override
 * (sectors) or that docs/indicators.md documents (decimals).
 */

/** What is counted in the accident records. */
/** LARGER_ACCIDENTS: 较大及以上事故 (grade LARGER, MAJOR or EXTRAORDINARY, 条例 Art.3). */
export type Numerator = 'ACCIDENTS' | 'DEATHS' | 'LARGER_ACCIDENTS';

/** Denominators administrators enter per region and year, in the unit given. */
export const DENOMINATOR_KINDS = ['GDP', 'IMC_EMPLOYEES', 'REGISTERED_VEHICLES'] as const;
export type DenominatorKind = (typeof DENOMINATOR_KINDS)[number];

export const DENOMINATOR_UNITS: Readonly<Record<DenominatorKind, string>> = Object.freeze({
  GDP: '亿元',
  IMC_EMPLOYEES: '人',
  REGISTERED_VEHICLES: '辆',
});

export const DENOMINATOR_LABELS: Readonly<Record<DenominatorKind, string>> = Object.freeze({
  GDP: '地区生产总值',
  IMC_EMPLOYEES: '工矿商贸就业人员',
  REGISTERED_VEHICLES: '机动车保有量',
});

export const MEASURES = [
  'ACCIDENT_COUNT',
  'DEATHS',
  'LARGER_OR_ABOVE_ACCIDENTS',
  'DEATHS_PER_100M_YUAN_GDP',
  'DEATHS_PER_100K_IMC_EMPLOYEES',
  'DEATHS_PER_10K_VEHICLES',
] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * 工矿商贸 (industry, mining and commerce): every sector of the reference list except road and waterway
 * traffic and fire, which the national statistics report separately. DEFAULT: an indicator may name its
 * own sector codes instead.
 */
export const INDUSTRY_MINING_COMMERCE_SECTORS: readonly string[] = Object.freeze([
  'HAZARDOUS_CHEMICALS',
  'NON_COAL_MINES',
  'COAL_MINES',
  'TAILINGS_PONDS',
  'INDUSTRY_TRADE',
  'CONSTRUCTION',
  'URBAN_GAS',
  'SPECIAL_EQUIPMENT',
  'FIREWORKS',
  'POSTAL_DELIVERY',
  'ENERGY_STORAGE',
]);

/** DEFAULT: road traffic accidents are those of the road transport sector. */
export const ROAD_TRAFFIC_SECTORS: readonly string[] = Object.freeze(['ROAD_TRANSPORT']);

export interface MeasureDefinition {
  label: string;
  unit: string;
  numerator: Numerator;
  /** null: the measure is the count itself. */
  denominator: DenominatorKind | null;
  /** The denominator is divided by this before dividing (亿元 → 1; 十万人 → 100 000; 万车 → 10 000). */
  denominatorScale: number;
  /** Sector codes counted when the indicator names none; null = every sector. */
  defaultSectors: readonly string[] | null;
  /** Decimals the value is published (and compared) with. */
  decimals: number;
}

export const MEASURE_DEFINITIONS: Readonly<Record<Measure, MeasureDefinition>> = Object.freeze({
  ACCIDENT_COUNT: {
    label: '生产安全事故起数',
    unit: '起',
    numerator: 'ACCIDENTS',
    denominator: null,
    denominatorScale: 1,
    defaultSectors: null,
    decimals: 0,
  },
  DEATHS: {
    label: '生产安全事故死亡人数',
    unit: '人',
    numerator: 'DEATHS',
    denominator: null,
    denominatorScale: 1,
    defaultSectors: null,
    decimals: 0,
  },
  LARGER_OR_ABOVE_ACCIDENTS: {
    label: '较大及以上生产安全事故起数',
    unit: '起',
    numerator: 'LARGER_ACCIDENTS',
    denominator: null,
    denominatorScale: 1,
    defaultSectors: null,
    decimals: 0,
  },
  DEATHS_PER_100M_YUAN_GDP: {
    label: '亿元GDP生产安全事故死亡率',
    unit: '人/亿元',
    numerator: 'DEATHS',
    denominator: 'GDP',
    denominatorScale: 1,
    defaultSectors: null,
    decimals: 4,
  },
  DEATHS_PER_100K_IMC_EMPLOYEES: {
    label: '工矿商贸就业人员十万人生产安全事故死亡率',
    unit: '人/十万人',
    numerator: 'DEATHS',
    denominator: 'IMC_EMPLOYEES',
    denominatorScale: 100_000,
    defaultSectors: INDUSTRY_MINING_COMMERCE_SECTORS,
    decimals: 3,
  },
  DEATHS_PER_10K_VEHICLES: {
    label: '道路交通万车死亡率',
    unit: '人/万车',
    numerator: 'DEATHS',
    denominator: 'REGISTERED_VEHICLES',
    denominatorScale: 10_000,
    defaultSectors: ROAD_TRAFFIC_SECTORS,
    decimals: 2,
  },
});

/** Accidents and deaths of one sector in one year. */
export interface SectorTally {
  sectorCode: string;
  accidents: number;
  deaths: number;
  /** 较大 and above (条例 Art.3). */
  largerOrAbove: number;
}

/** Half away from zero at `decimals` places, done on the decimal string so 0.0005 → 0.001 (not 0.000). */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${decimals}`);
  return sign * Number(`${Math.round(shifted)}e-${decimals}`);
}

/** The sectors an indicator counts: its own list, else the measure's default, else every sector (null). */
export const sectorScope = (measure: Measure, sectorCodes: readonly string[] | null): readonly string[] | null =>
  sectorCodes && sectorCodes.length > 0 ? sectorCodes : MEASURE_DEFINITIONS[measure].defaultSectors;

export interface MeasuredValue {
  /** Accidents or deaths in the indicator's sectors. */
  numerator: number;
  /** The denominator as entered (亿元, persons, vehicles); null for counts. */
  denominator: number | null;
  /** The published value (rounded to the measure's decimals); null when a needed denominator is missing or 0. */
  value: number | null;
}

/** The value of a measure for one region and year from its sector tallies and denominator. */
export function measure(
  m: Measure,
  tallies: readonly SectorTally[],
  sectorCodes: readonly string[] | null,
  denominators: Partial<Record<DenominatorKind, number>>,
): MeasuredValue {
  const def = MEASURE_DEFINITIONS[m];
  const scope = sectorScope(m, sectorCodes);
  const counted = scope ? tallies.filter((t) => scope.includes(t.sectorCode)) : tallies;
  const pick = {
    ACCIDENTS: (t: SectorTally) => t.accidents,
    DEATHS: (t: SectorTally) => t.deaths,
    LARGER_ACCIDENTS: (t: SectorTally) => t.largerOrAbove,
  }[def.numerator];
  const numerator = counted.reduce((s, t) => s + pick(t), 0);
  if (!def.denominator) return { numerator, denominator: null, value: numerator };
  const denominator = denominators[def.denominator] ?? null;
  if (denominator === null || !(denominator > 0)) return { numerator, denominator, value: null };
  return { numerator, denominator, value: roundTo(numerator / (denominator / def.denominatorScale), def.decimals) };
}
