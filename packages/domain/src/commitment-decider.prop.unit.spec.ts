import { fc, test } from "@fast-check/vitest"
import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { LifecycleState } from "./commitment.js"
import type { CommitmentCommand } from "./commitment-commands.js"
import { type CommitmentState, commitmentDecider } from "./commitment-decider.js"
import { CommitmentAlreadyProposed, TransitionNotAllowed, UnknownCommitment } from "./commitment-errors.js"
import { CommitmentEvent } from "./commitment-events.js"
import type { CommitmentId } from "./ids.js"
import { isFinalState, lifecycleMachine } from "./lifecycle.js"
import { InvalidInput } from "./validation-issue.js"

const EPSILON = 1e-9
const mine = "energy-projects" as CommitmentId

/**
 * A command as an intent: months move by a step from the latest one (sometimes
 * backwards), and "deliver the remainder" is resolved against the state so that
 * completions actually happen in random runs.
 */
interface Intent {
  readonly kind: CommitmentCommand["_tag"] | "DeliverRemainder"
  readonly foreign: boolean
  readonly monthStep: number
  readonly amount: number
  readonly withAmount: boolean
}

const amount = fc.oneof(fc.constantFrom(0, 1, 10, 50, 100), fc.double({ min: 0, max: 200, noNaN: true }))
const intent: fc.Arbitrary<Intent> = fc.record({
  // Withdrawal ends a stream, so it is drawn less often than the steps that move a commitment forward.
  kind: fc.oneof(
    {
      arbitrary: fc.constantFrom<Intent["kind"]>(
        "DiscussCommitment",
        "ProposeCommitment",
        "WithdrawCommitment",
      ),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom<Intent["kind"]>(
        "AgreeCommitment",
        "DeliverTranche",
        "DeliverRemainder",
        "CompleteCommitment",
        "StallCommitment",
        "ResumeCommitment",
      ),
      weight: 6,
    },
  ),
  // One command in twenty names another commitment than the stream's.
  foreign: fc.integer({ min: 0, max: 19 }).map((r) => r === 0),
  monthStep: fc.integer({ min: -2, max: 3 }),
  amount,
  withAmount: fc.boolean(),
})

/**
 * Sequences that mostly start with a discussion or a proposal (a discussion is then usually proposed), and long
 * enough to go through a whole lifecycle.
 */
const sequence = fc
  .tuple(
    fc.constantFrom("propose", "discuss", "none"),
    amount,
    fc.array(intent, { minLength: 1, maxLength: 60, size: "max" }),
  )
  .map(([start, pledge, rest]): ReadonlyArray<Intent> => {
    const propose: Intent = {
      kind: "ProposeCommitment",
      foreign: false,
      monthStep: 0,
      amount: pledge,
      withAmount: true,
    }
    const discuss: Intent = { ...propose, kind: "DiscussCommitment" }
    if (start === "propose") return [propose, ...rest]
    if (start === "discuss") return [discuss, ...rest.slice(0, 2), propose, ...rest.slice(2)]
    return rest
  })

const toCommand = (i: Intent, state: CommitmentState, lastMonth: number): CommitmentCommand => {
  const commitment = i.foreign ? ("other-commitment" as CommitmentId) : mine
  const month = Math.max(0, lastMonth + i.monthStep)
  switch (i.kind) {
    case "DiscussCommitment":
      return { _tag: "DiscussCommitment", commitment, month }
    case "ProposeCommitment":
      return { _tag: "ProposeCommitment", commitment, month, amountUsdM: i.amount }
    case "AgreeCommitment":
      return i.withAmount
        ? { _tag: "AgreeCommitment", commitment, month, amountUsdM: i.amount }
        : { _tag: "AgreeCommitment", commitment, month }
    case "DeliverTranche":
      return { _tag: "DeliverTranche", commitment, month, amountUsdM: i.amount }
    case "DeliverRemainder": {
      const rest = state._tag === "TrackedCommitment" ? state.agreedUsdM - state.deliveredUsdM : i.amount
      return { _tag: "DeliverTranche", commitment, month, amountUsdM: Math.max(0, rest) }
    }
    case "CompleteCommitment":
    case "ResumeCommitment":
      return { _tag: i.kind, commitment, month }
    case "StallCommitment":
    case "WithdrawCommitment":
      return { _tag: i.kind, commitment, month, reason: "random" }
  }
}

const isTaggedError = (e: unknown) =>
  e instanceof TransitionNotAllowed ||
  e instanceof UnknownCommitment ||
  e instanceof CommitmentAlreadyProposed ||
  e instanceof InvalidInput

const validEvent = Schema.is(CommitmentEvent)
const validState = Schema.is(LifecycleState)

/** The machine's view of the state, for comparing its verdict with evolve's. */
const machineSnapshot = (state: Extract<CommitmentState, { _tag: "TrackedCommitment" }>) =>
  lifecycleMachine.resolveState({
    value: state.status,
    context: { agreedUsdM: state.agreedUsdM, deliveredUsdM: state.deliveredUsdM },
  })

/** Runs one sequence through the decider, checking every step; returns the statuses it went through. */
const runSequence = (intents: ReadonlyArray<Intent>): ReadonlyArray<string> => {
  let state = commitmentDecider.initialState
  let lastMonth = 0
  const statuses: Array<string> = []
  for (const i of intents) {
    const command = toCommand(i, state, lastMonth)
    const before = state
    const result = commitmentDecider.decide(command, state) // a throw fails the property
    if (Either.isLeft(result)) {
      expect(isTaggedError(result.left)).toBe(true)
      expect(result.left.message.length).toBeGreaterThan(0)
      continue
    }
    // A final state takes nothing.
    if (before._tag === "TrackedCommitment") expect(isFinalState(before.status)).toBe(false)
    for (const event of result.right) {
      expect(validEvent(event)).toBe(true)
      state = commitmentDecider.evolve(state, event)
      lastMonth = event.month
    }
    if (state._tag !== "TrackedCommitment") throw new Error("an accepted command left no commitment")
    expect(validState(state.status)).toBe(true)
    // A stream holds one commitment for good.
    if (before._tag === "TrackedCommitment") expect(state.commitment).toBe(before.commitment)
    expect(state.deliveredUsdM).toBeGreaterThanOrEqual(0)
    expect(state.deliveredUsdM).toBeLessThanOrEqual(state.agreedUsdM + EPSILON)
    expect(state.agreedUsdM).toBeLessThanOrEqual(state.pledgedUsdM)
    expect(state.month).toBeGreaterThanOrEqual(before._tag === "TrackedCommitment" ? before.month : 0)
    // evolve lands where the machine would have gone.
    expect(machineSnapshot(state).value).toBe(state.status)
    statuses.push(state.status)
  }
  return statuses
}

describe("commitment decider on random command sequences", () => {
  test.prop([sequence], { numRuns: 400 })(
    "never throws, refuses with tagged errors, keeps delivered ≤ agreed ≤ pledged after every event",
    (intents) => {
      runSequence(intents)
    },
  )

  it("reaches every lifecycle state, so the property above is not vacuous", () => {
    const reached = new Set<string>()
    fc.assert(
      fc.property(sequence, (intents) => {
        for (const status of runSequence(intents)) reached.add(status)
      }),
      { numRuns: 200, seed: 42 },
    )
    expect([...reached].sort()).toEqual([...LifecycleState.literals].sort())
  })
})
