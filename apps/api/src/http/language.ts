import type { Request } from 'express';

export interface Bilingual {
  zh: string;
  en: string;
}

/** Chinese when the caller's Accept-Language prefers zh over en (the shared error contract), else English. */
export const prefersChinese = (req: Pick<Request, 'acceptsLanguages'>): boolean =>
  req.acceptsLanguages('en', 'zh') === 'zh';

export const localized = (req: Pick<Request, 'acceptsLanguages'>, text: Bilingual): string =>
  prefersChinese(req) ? text.zh : text.en;
