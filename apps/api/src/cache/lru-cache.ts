import { Effect } from "effect"

/**
 * A small least-recently-used map: content-addressed results (reports, renderings, exercise results) kept for
 * repeat requests. The one way the service caches: a capacity of 0 keeps nothing.
 */
export const makeLruCache = <V>(capacity: number) => {
  const entries = new Map<string, V>()
  const get = (key: string): V | undefined => {
    const value = entries.get(key)
    if (value !== undefined) {
      // Re-insert to mark it most recently used (Map keeps insertion order).
      entries.delete(key)
      entries.set(key, value)
    }
    return value
  }
  const set = (key: string, value: V): void => {
    if (capacity <= 0) return
    entries.delete(key)
    entries.set(key, value)
    if (entries.size > capacity) entries.delete(entries.keys().next().value as string)
  }
  return {
    get,
    set,
    /** The value kept under `key`, or `compute()`'s, then kept. */
    through: (key: string, compute: () => V): V => {
      const hit = get(key)
      if (hit !== undefined) return hit
      const value = compute()
      set(key, value)
      return value
    },
    /** The value kept under `key`, or what `compute` succeeds with, then kept (a failure is not kept). */
    throughEffect: <E, R>(key: string, compute: Effect.Effect<V, E, R>): Effect.Effect<V, E, R> =>
      Effect.suspend(() => {
        const hit = get(key)
        return hit !== undefined ? Effect.succeed(hit) : Effect.tap(compute, (value) => set(key, value))
      }),
    get size() {
      return entries.size
    },
  }
}
