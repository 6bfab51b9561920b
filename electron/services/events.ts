import type { EventChannel, EventPayload } from '../ipc/contract';

/**
 * How services tell the outside world something happened. Main forwards these to every window,
 * the test bridge to every connected client; services never know which.
 */
export type EmitEvent = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;
