/**
 * Masking of personal data for logs, lists and public views (DOMAIN.md: "The public: … no personal data").
 * Keeps enough to recognise a record, never enough to contact or identify a person.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 居民身份证号 (18 characters): first 6 (region) and last 4 kept. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

// Free-text masking for public views (行政执法公示, 安全生产法 Art.78; published accident reports, Art.86).
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
  const names = [...new Set(personNames.map((n) => n.trim()).filter((n) => n.length > 0))].sort(
    (x, y) => y.length - x.length,
  );
  for (const n of names) out = out.split(n).join(maskPersonName(n));
  return out;
}
