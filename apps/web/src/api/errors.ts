/** The API's error body (every 4xx/5xx): `{ code, message, details?, requestId }`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: { fields?: Array<{ path: string; message: string }>; [key: string]: unknown };
  requestId?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }

  /** Field errors of a 400 VALIDATION_FAILED (paths relative to the request body). */
  get fields(): Array<{ path: string; message: string }> {
    return Array.isArray(this.body.details?.fields) ? this.body.details.fields : [];
  }
}

export const toApiErrorBody = (status: number, body: unknown): ApiErrorBody => {
  if (body && typeof body === 'object' && typeof (body as ApiErrorBody).code === 'string') return body as ApiErrorBody;
  return { code: status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR', message: `HTTP ${status}` };
};
