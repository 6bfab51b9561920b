import type { EventChannel, EventPayload } from '../../electron/ipc/contract';
import { simulatedMachine } from './machine';
import { createServices, type Services, type ServicesOptions } from '../../electron/services';

export interface RecordedEvent {
  channel: EventChannel;
  payload: unknown;
}

/** Real services over real files in `dataDir`, with every emitted event recorded. */
export function startServices(
  dataDir: string,
  overrides: Partial<ServicesOptions> = {},
): { services: Services; events: RecordedEvent[] } {
  const events: RecordedEvent[] = [];
  const services = createServices({
    dataDir,
    appVersion: '0.0.0-test',
    emit: <C extends EventChannel>(channel: C, payload: EventPayload<C>) => events.push({ channel, payload }),
    llama: { maxThreads: 1 },
    machine: { measure: async () => simulatedMachine() },
    ...overrides,
  });
  return { services, events };
}
