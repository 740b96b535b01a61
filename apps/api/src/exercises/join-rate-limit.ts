/** How many join attempts a window allows, per exercise and per client address. */
export interface JoinLimits {
  readonly perExercise: number
  readonly perAddress: number
  readonly windowMs: number
}

/** A classroom joins a handful of teams; a guesser needs millions of tries against a 49-bit code. */
export const defaultJoinLimits: JoinLimits = { perExercise: 20, perAddress: 30, windowMs: 60_000 }

/**
 * Fixed-window counters of join attempts (successful or not), kept in this
 * process: with several instances each enforces its own share. The clock
 * comes in as an argument so the limiter stays deterministic.
 */
export class JoinRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(private readonly limits: JoinLimits = defaultJoinLimits) {}

  /** Counts an attempt; returns the seconds to wait when over a limit, or 0 when allowed. */
  attempt(exerciseId: string, address: string, now: number): number {
    const waits = [
      this.count(`exercise:${exerciseId}`, this.limits.perExercise, now),
      this.count(`address:${address}`, this.limits.perAddress, now),
    ]
    this.sweep(now)
    return Math.max(...waits)
  }

  private count(key: string, limit: number, now: number): number {
    const window = this.windows.get(key)
    if (window === undefined || now - window.start >= this.limits.windowMs) {
      this.windows.set(key, { start: now, count: 1 })
      return 0
    }
    window.count++
    return window.count > limit ? Math.ceil((window.start + this.limits.windowMs - now) / 1000) : 0
  }

  // Old windows go, so the map does not grow with every address ever seen.
  private sweep(now: number): void {
    if (this.windows.size < 10_000) return
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.limits.windowMs) this.windows.delete(key)
    }
  }
}
