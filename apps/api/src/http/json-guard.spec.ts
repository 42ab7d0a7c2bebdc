import { findJsonProblems, unsafeText } from './json-guard';

describe('the JSON body guard', () => {
  it('accepts ordinary nested bodies', () => {
    expect(
      findJsonProblems({ outcome: 'X', payload: { list: [1, 'a', { b: [true, null] }], text: '中文\n😀' } }),
    ).toEqual([]);
  });

  it('names NUL characters and lone surrogates by their body path, in keys too', () => {
    expect(findJsonProblems({ title: 'a\u0000b', payload: { list: [1, '\ud800x'] }, ['k\u0000']: 1 })).toEqual(
      expect.arrayContaining([
        { path: 'title', kind: 'NUL_CHARACTER' },
        { path: 'payload.list.1', kind: 'LONE_SURROGATE' },
        { path: 'k\u0000', kind: 'NUL_CHARACTER' },
      ]),
    );
    expect(unsafeText('\udc00')).toBe('LONE_SURROGATE');
    expect(unsafeText('ok 😀')).toBeNull();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the key %s at any depth', (key) => {
    const body = JSON.parse(`{"a":[{"${key}":{"polluted":true}}]}`);
    expect(findJsonProblems(body)).toEqual([{ path: `a.0.${key}`, kind: 'FORBIDDEN_KEY' }]);
  });

  it('stops at the depth limit without recursion, whatever the nesting', () => {
    const depth = 100_000;
    const deep = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(findJsonProblems(deep, { maxDepth: 32, maxProblems: 20 })).toEqual([
      { path: Array.from({ length: 32 }, () => '0').join('.'), kind: 'TOO_DEEP' },
    ]);
    const justDeepEnough = JSON.parse(`${'{"a":'.repeat(31)}1${'}'.repeat(31)}`);
    expect(findJsonProblems(justDeepEnough, { maxDepth: 32, maxProblems: 20 })).toEqual([]);
  });

  it('reports at most maxProblems problems', () => {
    const many = Array.from({ length: 1000 }, () => '\u0000');
    expect(findJsonProblems(many, { maxDepth: 32, maxProblems: 5 })).toHaveLength(5);
  });
});
