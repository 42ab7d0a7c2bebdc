import { json, NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { DEFAULT_JSON_LIMITS, findJsonProblems, JsonProblem, unsafeText } from './json-guard';
import { Bilingual, localized } from './language';

const PROBLEM_TEXT: Record<JsonProblem['kind'], Bilingual> = {
  TOO_DEEP: {
    zh: `嵌套层级超过 ${DEFAULT_JSON_LIMITS.maxDepth} 层`,
    en: `nested deeper than ${DEFAULT_JSON_LIMITS.maxDepth} levels`,
  },
  FORBIDDEN_KEY: { zh: '不允许使用该字段名', en: 'this key is not allowed' },
  NUL_CHARACTER: { zh: '文本不得包含 NUL（\\u0000）字符', en: 'text must not contain NUL (\\u0000) characters' },
  LONE_SURROGATE: {
    zh: '文本包含不成对的 UTF-16 代理字符',
    en: 'text contains a lone UTF-16 surrogate (not valid Unicode)',
  },
};

function rejectProblems(req: Request, problems: JsonProblem[]): DomainError {
  const fields = problems.map((p) => ({
    path: p.path,
    message: localized(req, PROBLEM_TEXT[p.kind]),
  }));
  return new DomainError(
    ErrorCode.VALIDATION_FAILED,
    localized(req, { zh: '请求内容无效', en: 'the request is invalid' }) +
      `: ${fields.map((f) => `${f.path || '(body)'} ${f.message}`).join('; ')}`,
    { fields },
  );
}

/**
 * JSON endpoints take JSON only: a body with any other media type (form-encoded, multipart, XML,
 * text) is a 415 before anything parses it. Requests without a body pass.
 */
export const requireJsonBodies: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody || req.is('application/json')) return next();
  next(
    new DomainError(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      localized(req, {
        zh: '请求体必须是 JSON（Content-Type: application/json）',
        en: 'the request body must be JSON (Content-Type: application/json)',
      }),
      { contentType: req.headers['content-type'] ?? null },
    ),
  );
};

/** Runs right after the JSON parser: one structural check for every endpoint, whatever its DTO. */
export const guardJsonBody: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
  if (req.body === undefined) return next();
  const problems = findJsonProblems(req.body);
  next(problems.length ? rejectProblems(req, problems) : undefined);
};

/** The same character rules for query strings and the path (they reach SQL parameters too). */
export const guardQueryAndPath: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
  let path: string | null;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    path = null;
  }
  const pathProblem = path === null ? 'LONE_SURROGATE' : unsafeText(path);
  const problems: JsonProblem[] = [
    ...(pathProblem ? [{ path: 'params', kind: pathProblem }] : []),
    ...findJsonProblems(req.query ?? {}).map((p) => ({ ...p, path: `query.${p.path}` })),
  ];
  next(problems.length ? rejectProblems(req, problems.slice(0, DEFAULT_JSON_LIMITS.maxProblems)) : undefined);
};

/** Largest JSON body: an 8 MiB evidence file is about 11 MiB in base64. */
export const JSON_BODY_LIMIT = '12mb';

/**
 * Every request, in order: query/path characters, JSON-only bodies (415), the JSON parser (413 over
 * the limit), the structural body check. Runs after the request logger, so rejections carry a request id.
 */
export const requestPipeline = (): RequestHandler[] => [
  guardQueryAndPath,
  requireJsonBodies,
  json({ limit: JSON_BODY_LIMIT }),
  guardJsonBody,
];
