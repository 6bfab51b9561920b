import type { Contract, InvokeChannel, StreamChannel } from '../../ipc/contract';
import type { Handlers } from '../../ipc/dispatch';

type AllHandlers = Handlers<Contract>;

/** The channels of one domain: every name that starts with `<domain>.`. */
type InDomain<C extends string, D extends string> = C extends `${D}.${string}` ? C : never;

/**
 * The handler map one domain owns: exactly its channels, one line each into its service. A
 * domain's file is where a new channel of that domain gets its handler; `createHandlers` only
 * composes them.
 */
export interface DomainHandlers<D extends string> {
  invoke: Pick<AllHandlers['invoke'], InDomain<InvokeChannel, D>>;
  stream: Pick<AllHandlers['stream'], InDomain<StreamChannel, D>>;
}

/** Any domain's map, for composing. */
type AnyDomain = { invoke: object; stream: object };

type Intersect<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** The map the given domains make together, as a type: what `createHandlers` checks is complete. */
export type Composed<T extends readonly AnyDomain[]> = {
  invoke: Intersect<T[number]['invoke']>;
  stream: Intersect<T[number]['stream']>;
};

/**
 * Joins domain maps into one. A channel claimed twice is refused, since a spread would let the
 * later domain win silently; a channel no domain handles fails to compile where the result is
 * used as the contract's `Handlers`.
 */
export function composeHandlers<const T extends readonly AnyDomain[]>(domains: T): Composed<T> {
  const composed = { invoke: {}, stream: {} } as Record<'invoke' | 'stream', Record<string, unknown>>;
  for (const domain of domains) {
    for (const kind of ['invoke', 'stream'] as const) {
      for (const [channel, handler] of Object.entries(domain[kind])) {
        if (Object.hasOwn(composed[kind], channel)) throw new Error(`Two domains handle "${channel}".`);
        composed[kind][channel] = handler;
      }
    }
  }
  return composed as unknown as Composed<T>;
}
