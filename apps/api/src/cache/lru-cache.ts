/** A small least-recently-used map: content-addressed results (reports, renderings) kept for repeat requests. */
export const makeLruCache = <V>(capacity: number) => {
  const entries = new Map<string, V>()
  return {
    get: (key: string): V | undefined => {
      const value = entries.get(key)
      if (value !== undefined) {
        // Re-insert to mark it most recently used (Map keeps insertion order).
        entries.delete(key)
        entries.set(key, value)
      }
      return value
    },
    set: (key: string, value: V): void => {
      entries.delete(key)
      entries.set(key, value)
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string)
    },
    get size() {
      return entries.size
    },
  }
}
