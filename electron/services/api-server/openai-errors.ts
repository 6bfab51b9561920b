import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { toErrorData } from '../../ipc/errors';

/** The error body OpenAI clients read: `{ error: { message, type, code } }`. */
export function openAiError(message: string, code: string, type = 'invalid_request_error') {
  return { error: { message, type, code, param: null } };
}

const STATUS: Record<string, ContentfulStatusCode> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  MODEL_NOT_FOUND: 404,
  BUSY: 429,
  MODEL_TOO_LARGE: 503,
  INVALID_GGUF: 503,
  CANCELLED: 499 as ContentfulStatusCode,
};

/** A service error as an HTTP status and OpenAI-style body; unexpected errors say only that. */
export function errorResponse(error: unknown): { status: ContentfulStatusCode; body: ReturnType<typeof openAiError> } {
  const data = toErrorData(error);
  const status = STATUS[data.code] ?? 500;
  const message = status === 500 ? 'The server failed to answer; see Hearth’s log.' : data.message;
  return {
    status,
    body: openAiError(message, data.code.toLowerCase(), status >= 500 ? 'server_error' : 'invalid_request_error'),
  };
}
