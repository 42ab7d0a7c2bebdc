import { DataSource } from 'typeorm';
import { parseHolidayYear } from '@safety/domain/calendar';
import holidays2025 from './data/holiday-calendars/2025.json';
import holidays2026 from './data/holiday-calendars/2026.json';

/** 行业领域 and the department kind that supervises each (管行业必须管安全, DOMAIN.md). */
export const SECTORS: Array<[code: string, name: string, supervisor: string]> = [
  ['HAZARDOUS_CHEMICALS', '危险化学品', 'EMERGENCY_MANAGEMENT'],
  ['NON_COAL_MINES', '非煤矿山', 'EMERGENCY_MANAGEMENT'],
  ['COAL_MINES', '煤矿', 'EMERGENCY_MANAGEMENT'],
  ['TAILINGS_PONDS', '尾矿库', 'EMERGENCY_MANAGEMENT'],
  ['INDUSTRY_TRADE', '工贸', 'EMERGENCY_MANAGEMENT'],
  ['CONSTRUCTION', '建筑施工', 'HOUSING_CONSTRUCTION'],
  ['ROAD_TRANSPORT', '道路运输', 'TRANSPORT'],
  ['WATERWAY_TRANSPORT', '水上交通', 'TRANSPORT'],
  ['URBAN_GAS', '城镇燃气', 'HOUSING_CONSTRUCTION'],
  ['FIRE', '消防', 'FIRE_RESCUE'],
  ['SPECIAL_EQUIPMENT', '特种设备', 'MARKET_REGULATION'],
  ['FIREWORKS', '烟花爆竹', 'EMERGENCY_MANAGEMENT'],
  ['POSTAL_DELIVERY', '邮政寄递', 'POSTAL'],
  ['ENERGY_STORAGE', '储能', 'EMERGENCY_MANAGEMENT'],
];

export const HOLIDAY_YEARS = [holidays2025, holidays2026].map((y) => parseHolidayYear(y));

/** Reference data every installation needs (and the test template database carries). Idempotent. */
export async function seedReferenceData(ds: DataSource): Promise<void> {
  for (const [code, name, supervisor] of SECTORS) {
    await ds.query(
      `INSERT INTO sectors (code, name, supervising_department_kind) VALUES ($1,$2,$3)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, supervising_department_kind = EXCLUDED.supervising_department_kind`,
      [code, name, supervisor],
    );
  }
  // Holiday years are only inserted, never overwritten: an administrator's correction must survive a re-seed.
  for (const y of HOLIDAY_YEARS) {
    await ds.query(
      `INSERT INTO holiday_years (year, notice_number, notice_date, source, holidays, makeup_workdays)
       VALUES ($1,$2,$3,$4,$5::date[],$6::date[]) ON CONFLICT (year) DO NOTHING`,
      [y.year, y.noticeNumber, y.noticeDate, y.source, y.holidays, y.makeupWorkdays],
    );
  }
}
