import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { makeLruCache } from "./lru-cache.js"

describe("the service's cache", () => {
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

  it("computes a missing value once, in plain code and in an effect; a failure is not kept", async () => {
    const cache = makeLruCache<number>(4)
    let calls = 0
    const compute = () => ++calls
    expect([cache.through("x", compute), cache.through("x", compute)]).toEqual([1, 1])
    const effect = Effect.sync(compute)
    expect(await Effect.runPromise(cache.throughEffect("y", effect))).toBe(2)
    expect(await Effect.runPromise(cache.throughEffect("y", effect))).toBe(2)
    expect(await Effect.runPromise(Effect.either(cache.throughEffect("z", Effect.fail("no"))))).toMatchObject(
      {
        _tag: "Left",
      },
    )
    expect(cache.get("z")).toBeUndefined()
  })

  it("keeps nothing at capacity 0", () => {
    const cache = makeLruCache<number>(0)
    let calls = 0
    cache.through("x", () => ++calls)
    cache.through("x", () => ++calls)
    expect(calls).toBe(2)
    expect(cache.size).toBe(0)
  })
})
