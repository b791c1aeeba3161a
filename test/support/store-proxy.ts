/**
 * Test support: a real store with one method replaced, to stop an ingest at a chosen stage,
 * hold one back, or count calls; every other method is the store's own.
 */
import type { GraphStore } from '../../server/store/graph-store.ts';

export function withMethod<K extends keyof GraphStore>(
  store: GraphStore,
  method: K,
  replacement: GraphStore[K],
): GraphStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === method) return replacement;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
