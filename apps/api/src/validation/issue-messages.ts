import { z } from 'zod';
import type { InputLocation } from './invalid-input';

export type Language = 'zh' | 'en';

export interface FieldProblem {
  path: string;
  message: string;
}

const zhCN = z.locales.zhCN();
const en = z.locales.en();

/** Chinese when the caller's Accept-Language puts Chinese before English (the console sends zh-CN by default). */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  const zhAt = acceptLanguage.search(/\bzh\b/i);
  const enAt = acceptLanguage.search(/\ben\b/i);
  return zhAt >= 0 && (enAt < 0 || zhAt < enAt) ? 'zh' : 'en';
}

const localeMessage = (issue: z.core.$ZodIssue, language: Language): string => {
  const worded = (language === 'zh' ? zhCN : en).localeError(issue as never);
  return typeof worded === 'string' ? worded : (worded?.message ?? issue.message);
};

function message(issue: z.core.$ZodIssue, language: Language): string {
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
    return language === 'zh' ? '必填' : 'Required';
  }
  // Rule messages written for one field: English text, with a Chinese wording in params.zh when given.
  if (issue.code === 'custom') {
    const zh = (issue.params as { zh?: string } | undefined)?.zh;
    return language === 'zh' && zh ? zh : issue.message;
  }
  return localeMessage(issue, language);
}

/** One problem per field: unknown keys are reported each at its own path. */
export function fieldProblems(
  location: InputLocation,
  issues: readonly z.core.$ZodIssue[],
  language: Language,
  prefix: readonly PropertyKey[] = [],
): FieldProblem[] {
  const base = location === 'body' ? [...prefix] : [location, ...prefix];
  const pathOf = (path: readonly PropertyKey[]) => [...base, ...path].map(String).join('.');
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: pathOf([...issue.path, key]),
          message: language === 'zh' ? '不允许的字段' : 'Unknown field',
        }))
      : [{ path: pathOf(issue.path), message: message(issue, language) }],
  );
}
