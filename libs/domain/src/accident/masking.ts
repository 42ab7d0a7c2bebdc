/**
 * Masking of personal data for public disclosure (accident reports on public endpoints): names of
 * natural persons, mobile numbers and resident ID numbers never leave the system unmasked.
 * (Named apart from enforcement/disclosure.ts, which another area wrote at the same time; the two can be merged.)
 */

/** 张三 → 张*, 欧阳明明 → 欧***; Latin names keep the first letter. */
export function publicMaskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})-?\d{7,8}(?!\d)/g;

/** Masks ID numbers, mobile and landline numbers, and every given person name inside a free text. */
export function publicMaskText(text: string, personNames: readonly string[] = []): string {
  let out = text.replace(ID_NUMBER, (_m, a: string, b: string) => `${a}********${b}`)
    .replace(MOBILE, (_m, a: string, b: string) => `${a}****${b}`)
    .replace(LANDLINE, (_m, a: string) => `${a}-********`);
  // Longest names first, so 欧阳明 is masked before a shorter name that is its prefix.
  const names = [...new Set(personNames.map((n) => n.trim()).filter((n) => [...n].length >= 2))].sort((a, b) => b.length - a.length);
  for (const n of names) out = out.split(n).join(publicMaskName(n));
  return out;
}
