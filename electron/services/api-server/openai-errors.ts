import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { toErrorData } from '../../ipc/errors';

/** The error body OpenAI clients read: `{ error: { message, type, code } }`. */
export function openAiError(
  message: string,
  code: string,
  type = 'invalid_request_error',
  param: string | null = null,
) {
  return { error: { message, type, code, param } };
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
  // A request that does not match the schema: say which field, as OpenAI's `param` does.
  if (error instanceof z.ZodError) {
    const issue = error.issues[0];
    const param = issue?.path.map(String).join('.') || null;
    const message = `${param ? `${param}: ` : ''}${issue?.message ?? 'not valid'}`;
    return { status: 400, body: openAiError(message, 'validation', 'invalid_request_error', param) };
  }
  const data = toErrorData(error);
  const status = STATUS[data.code] ?? 500;
  const message = status === 500 ? 'The server failed to answer; see Hearth’s log.' : data.message;
  return {
    status,
    body: openAiError(message, data.code.toLowerCase(), status >= 500 ? 'server_error' : 'invalid_request_error'),
  };
}
