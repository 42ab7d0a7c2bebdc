import { z } from 'zod';
import { toErrorResponse } from '../errors/all-exceptions.filter';
import { InvalidInputError } from './invalid-input';
import { fieldProblems, preferredLanguage } from './issue-messages';

const schema = z.strictObject({ title: z.string().max(5), count: z.int().min(1) });
const issuesOf = (value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected issues');
  return parsed.error.issues;
};

describe('field problems', () => {
  it('lists every field with its path, unknown keys one by one', () => {
    const problems = fieldProblems('body', issuesOf({ count: 0, extra: 1, other: 2 }), 'en');
    expect(problems).toEqual([
      { path: 'title', message: 'Required' },
      { path: 'count', message: expect.stringContaining('>=1') },
      { path: 'extra', message: 'Unknown field' },
      { path: 'other', message: 'Unknown field' },
    ]);
  });

  it('words problems in Chinese and prefixes query, params and nested locations', () => {
    const problems = fieldProblems('query', issuesOf({ title: 'too long', count: 2 }), 'zh');
    expect(problems).toEqual([{ path: 'query.title', message: expect.stringMatching(/[\u4e00-\u9fff]/) }]);
    expect(fieldProblems('body', issuesOf({ count: 1 }), 'zh', ['payload'])).toEqual([
      { path: 'payload.title', message: '必填' },
    ]);
  });

  it('prefers Chinese only when the caller asks for it before English', () => {
    expect(preferredLanguage(undefined)).toBe('en');
    expect(preferredLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(preferredLanguage('en-US,en;q=0.9,zh-CN;q=0.5')).toBe('en');
    expect(preferredLanguage('zh')).toBe('zh');
  });

  it('answers 400 VALIDATION_FAILED with the fields in the details', () => {
    const mapped = toErrorResponse(new InvalidInputError('body', issuesOf({})), 'zh');
    expect(mapped).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'title' }, { path: 'count' }] } },
    });
  });
});
