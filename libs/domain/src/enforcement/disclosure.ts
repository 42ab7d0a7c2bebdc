/**
 * Public disclosure (行政执法公示, 安全生产法 Art.78; 行政处罚法 Art.48) must never expose personal data:
 * natural persons' names, phone numbers and ID numbers are masked before anything is stored for the public.
 */

/** 18-digit resident ID numbers (last digit may be X) and 15-digit legacy ones. */
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
/** Mainland mobile numbers, optionally with +86, and landlines like 0510-12345678. */
const MOBILE = /(?<!\d)(\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})-(\d{7,8})(?!\d)/g;

/** 张三 → 张*, 欧阳修文 → 欧***; a single character stays masked entirely. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/**
 * Masks phone numbers, ID numbers and the given personal names anywhere in `text`. Names are replaced
 * longest first so a name contained in another is not half-masked.
 */
export function maskPersonalData(text: string, personNames: readonly string[] = []): string {
  let out = text
    .replace(ID_NUMBER, (m: string) => `${m.slice(0, 6)}${'*'.repeat(m.length - 6)}`)
    .replace(MOBILE, (_m, _cc: string | undefined, a: string) => `${a}********`)
    .replace(LANDLINE, (_m, a: string, b: string) => `${a}-${'*'.repeat(b.length)}`);
  const names = [...new Set(personNames.map((n) => n.trim()).filter((n) => n.length > 0))].sort((x, y) => y.length - x.length);
  for (const n of names) out = out.split(n).join(maskPersonName(n));
  return out;
}
