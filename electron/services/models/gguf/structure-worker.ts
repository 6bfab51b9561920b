/**
 * Worker-thread entry (a build entry of its own, see electron.vite.config.ts): validates GGUF files
 * off the main thread. Deliberately light: no node-llama-cpp, no database.
 */
import { serveWorker } from '../../workers/serve-worker';
import { validateGgufParts, type ValidateGgufInput } from './validate-parts';

serveWorker((input: ValidateGgufInput) => validateGgufParts(input));
