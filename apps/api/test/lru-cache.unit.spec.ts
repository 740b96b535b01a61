import { describe, expect, it } from "vitest"
import { makeLruCache } from "../src/cache/lru-cache.js"

describe("the report cache", () => {
  it("keeps the most recently used entries up to its capacity", () => {
    const cache = makeLruCache<number>(2)
    cache.set("a", 1)
    cache.set("b", 2)
    expect(cache.get("a")).toBe(1) // a is now the most recent
    cache.set("c", 3) // evicts b
    expect(cache.get("b")).toBeUndefined()
    expect(cache.get("a")).toBe(1)
    expect(cache.get("c")).toBe(3)
    expect(cache.size).toBe(2)
  })
})
