import { HearthError } from '../../../ipc/errors';
import { mainText } from '../../../ipc/main-text';

/** Why a file was refused; `problem` is stable for tests and logs, the message is for people. */
export type GgufProblem =
  | 'truncated'
  | 'bad-magic'
  | 'unsupported-version'
  | 'absurd-count'
  | 'string-past-eof'
  | 'too-long'
  | 'header-too-large'
  | 'bad-metadata'
  | 'bad-string'
  | 'unknown-value-type'
  | 'nested-array'
  | 'array-past-eof'
  | 'bad-alignment'
  | 'too-many-dims'
  | 'bad-dims'
  | 'unknown-tensor-type'
  | 'misaligned-tensor'
  | 'tensor-past-eof'
  | 'overlapping-tensors'
  | 'duplicate-tensor'
  | 'duplicate-key'
  | 'duplicate-token'
  | 'bad-vocabulary'
  | 'llama-refused'
  | 'llama-aborted'
  | 'missing-architecture'
  | 'unknown-architecture'
  | 'missing-tensor'
  | 'unexpected-tensor'
  | 'missing-part'
  | 'unreadable';

export function invalidGguf(problem: GgufProblem, message: string, extra: Record<string, unknown> = {}): HearthError {
  return new HearthError('INVALID_GGUF', mainText('models.invalidGguf', { problem: message }), { problem, ...extra });
}
