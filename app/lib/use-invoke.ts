import { useCallback, useEffect, useState } from 'react';
import type { EventChannel, EventPayload, InvokeChannel, InvokeInput, InvokeOutput } from '../../electron/ipc/contract';
import { ApiError, invokeOrThrow, on } from '../api';

/** Channels that take no input: the only ones a component can load on mount with no arguments. */
export type NoInputChannel = { [C in InvokeChannel]: undefined extends InvokeInput<C> ? C : never }[InvokeChannel];

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ApiError };

/**
 * Loads a no-input channel on mount; `reload()` asks again, and so does every `refreshOn` event
 * (the previous value stays on screen while the new one loads).
 */
export function useInvoke<C extends NoInputChannel>(
  channel: C,
  refreshOn?: EventChannel,
): [Loadable<InvokeOutput<C>>, () => void] {
  const [state, setState] = useState<Loadable<InvokeOutput<C>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    (invokeOrThrow as (channel: C) => Promise<InvokeOutput<C>>)(channel).then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) =>
        live &&
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError('INTERNAL', String(error)),
        }),
    );
    return () => {
      live = false;
    };
  }, [channel, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  useEffect(() => (refreshOn ? on(refreshOn, reload) : undefined), [refreshOn, reload]);
  return [state, reload];
}

/** Event channels whose payload is a whole new value of `C` (`library.changed` for `library.collections`). */
export type ValueEvent<C extends InvokeChannel> = {
  [E in EventChannel]: EventPayload<E> extends InvokeOutput<C> ? E : never;
}[EventChannel];

/**
 * Like `useInvoke`, but each `event` carries the new value itself: it is shown as it comes, and
 * nothing is asked again (an indexing run sends several a second; asking back for each would cost
 * main its counts every time).
 */
export function useLiveValue<C extends NoInputChannel>(
  channel: C,
  event: ValueEvent<C>,
): [Loadable<InvokeOutput<C>>, () => void] {
  const [loaded, reload] = useInvoke(channel);
  const [latest, setLatest] = useState<{ value: InvokeOutput<C>; after: Loadable<InvokeOutput<C>> } | null>(null);
  useEffect(
    () => on(event, (payload) => setLatest({ value: payload as InvokeOutput<C>, after: loaded })),
    [event, loaded],
  );
  // A pushed value stands until the next load (a `reload()`) brings a newer one.
  const state: Loadable<InvokeOutput<C>> =
    latest && latest.after === loaded ? { status: 'ready', value: latest.value } : loaded;
  return [state, reload];
}
