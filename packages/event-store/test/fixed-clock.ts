import { Clock, Effect } from "effect"

/** A clock stopped at `millis` (sleeping still uses the real clock), to control `recordedAt` in tests. */
export const fixedClock = (millis: number): Clock.Clock => {
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
