import { EventStore } from "@accord/event-store"
import { Clock, Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  hashSecret,
  matchHash,
  newExerciseId,
  newJoinCode,
  newToken,
  normalizeExerciseId,
  normalizeJoinCode,
  sameHash,
} from "../src/exercises/exercise-secrets.js"
import { countJoinAttempt, type JoinLimits } from "../src/exercises/join-rate-limit.js"

describe("exercise secrets", () => {
  it("makes 256-bit tokens and join codes without look-alike characters", () => {
    const tokens = new Set(Array.from({ length: 200 }, newToken))
    expect(tokens.size).toBe(200)
    for (const token of tokens) expect(Buffer.from(token, "base64url")).toHaveLength(32)
    for (let i = 0; i < 200; i++) expect(newJoinCode()).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/)
  })

  it("binds a hash to its exercise and purpose", () => {
    const token = newToken()
    expect(hashSecret("a", "token", token)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashSecret("a", "token", token)).toBe(hashSecret("a", "token", token))
    expect(hashSecret("a", "token", token)).not.toBe(hashSecret("b", "token", token))
    expect(hashSecret("a", "token", token)).not.toBe(hashSecret("a", "join", token))
  })

  it("makes exercise ids that survive being read aloud, and reads them however they are typed", () => {
    for (let i = 0; i < 200; i++) {
      const id = newExerciseId()
      expect(id).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/)
      expect(normalizeExerciseId(id.toLowerCase().replaceAll("-", " "))).toBe(id)
      expect(normalizeExerciseId(` ${id.replaceAll("-", "")} `)).toBe(id)
    }
    // Ids of exercises made before readable ids stay as they were (they are case-sensitive).
    expect(normalizeExerciseId("aB3_x-Yz09Qw7rTt")).toBe("aB3_x-Yz09Qw7rTt")
  })

  it("reads join codes however they are typed", () => {
    expect(normalizeJoinCode(" abcde fghjk ")).toBe("ABCDE-FGHJK")
    expect(normalizeJoinCode("ABCDE-FGHJK")).toBe("ABCDE-FGHJK")
  })

  it("matches a hash among candidates, and nothing for malformed ones", () => {
    const h = (s: string) => hashSecret("x", "token", s)
    expect(
      matchHash(h("b"), [
        ["a", h("a")],
        ["b", h("b")],
        ["c", h("c")],
      ] as const),
    ).toBe("b")
    expect(matchHash(h("z"), [["a", h("a")]] as const)).toBeUndefined()
    expect(sameHash(h("a"), "")).toBe(false)
    expect(sameHash(h("a"), h("a").slice(0, 10))).toBe(false)
  })
})

describe("join rate limit", () => {
  // The real counter of the memory store, under a clock the test sets.
  const attempts = (limits: JoinLimits) => {
    const store = Effect.runSync(Effect.provide(EventStore, EventStore.memory()))
    return (exercise: string, address: string, ms: number) =>
      Effect.runSync(
        countJoinAttempt(limits, exercise, address).pipe(
          Effect.provideService(EventStore, store),
          Effect.withClock(atTime(ms)),
        ),
      )
  }

  it("allows so many attempts per window and exercise, then asks to wait until the window ends", () => {
    const attempt = attempts({ perExercise: 3, perAddress: 100, windowMs: 60_000 })
    const at = (ms: number) => attempt("ex", "10.0.0.1", ms)
    expect([at(0), at(1000), at(2000)]).toEqual([0, 0, 0])
    expect(at(30_000)).toBe(30)
    expect(at(60_000)).toBe(0)
  })

  it("counts an address across exercises", () => {
    const attempt = attempts({ perExercise: 100, perAddress: 2, windowMs: 60_000 })
    expect([attempt("a", "ip", 0), attempt("b", "ip", 0), attempt("c", "ip", 0)]).toEqual([0, 0, 60])
    expect(attempt("c", "other-ip", 0)).toBe(0)
  })
})

/** A clock stopped at `millis`. */
const atTime = (millis: number): Clock.Clock => {
  const live = Clock.make()
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: () => millis,
    currentTimeMillis: Effect.succeed(millis),
    unsafeCurrentTimeNanos: () => BigInt(millis) * 1_000_000n,
    currentTimeNanos: Effect.succeed(BigInt(millis) * 1_000_000n),
    sleep: (duration) => live.sleep(duration),
  }
}
