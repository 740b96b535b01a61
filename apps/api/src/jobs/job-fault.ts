import { Effect } from "effect"

/**
 * Test-only fault injection: the kinds of job whose work fails on every attempt, so that a test sees the
 * retries, their backoff and the final failure on the real engine. Set from ACCORD_TEST_JOB_FAULT by main.ts,
 * which refuses to start with it when NODE_ENV is production.
 */
let faultyKinds: ReadonlySet<string> = new Set()

export const injectJobFaults = (kinds: ReadonlyArray<string>) => {
  faultyKinds = new Set(kinds)
}

/** The failure of a kind of job under fault injection, if it is one. */
export const injectedFault = (kind: string): Effect.Effect<never> | undefined =>
  faultyKinds.has(kind)
    ? Effect.die(new Error(`injected fault (ACCORD_TEST_JOB_FAULT) in a '${kind}' job`))
    : undefined
