/**
 * One structural check of every parsed JSON body (and query string) before any DTO library sees it:
 * bounded depth, no prototype-polluting keys, no NUL characters (PostgreSQL text cannot store them)
 * and no lone UTF-16 surrogates (not encodable as UTF-8). The walk is iterative, so a deeply nested
 * body cannot overflow the stack.
 */

export interface JsonProblem {
  /** Body-relative, dot-separated, numeric array indices (the shared validation contract). */
  path: string;
  kind: 'TOO_DEEP' | 'FORBIDDEN_KEY' | 'NUL_CHARACTER' | 'LONE_SURROGATE';
}

export interface JsonGuardLimits {
  /** Deepest nesting of objects and arrays accepted (the top-level value is depth 1). */
  maxDepth: number;
  /** Reporting stops after this many problems (the walk itself stops too). */
  maxProblems: number;
}

export const DEFAULT_JSON_LIMITS: JsonGuardLimits = { maxDepth: 32, maxProblems: 20 };

/** Keys that reach Object.prototype or a constructor when merged or assigned naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first reason a string cannot be stored as text, if any. */
export function unsafeText(text: string): JsonProblem['kind'] | null {
  if (text.includes('\u0000')) return 'NUL_CHARACTER';
  if (LONE_SURROGATE.test(text)) return 'LONE_SURROGATE';
  return null;
}

const join = (parent: string, key: string): string => (parent ? `${parent}.${key}` : key);

export function findJsonProblems(root: unknown, limits: JsonGuardLimits = DEFAULT_JSON_LIMITS): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 1 }];
  while (stack.length > 0 && problems.length < limits.maxProblems) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const kind = unsafeText(value);
      if (kind) problems.push({ path, kind });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > limits.maxDepth) {
      problems.push({ path, kind: 'TOO_DEEP' });
      continue;
    }
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
    // Pushed in reverse so problems come out in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i];
      const itemPath = join(path, key);
      if (!Array.isArray(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ path: itemPath, kind: 'FORBIDDEN_KEY' });
          continue;
        }
        const keyProblem = unsafeText(key);
        if (keyProblem) {
          problems.push({ path: itemPath, kind: keyProblem });
          continue;
        }
      }
      stack.push({ value: item, path: itemPath, depth: depth + 1 });
    }
  }
  return problems.slice(0, limits.maxProblems);
}
