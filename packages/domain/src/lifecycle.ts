import { assign, setup } from "xstate"
import type { LifecycleState } from "./commitment.js"
import { finalLifecycleStates, lifecycleStateIds } from "./facts/lifecycle-states.js"

/** What a commitment carries through its life: the agreed amount and what was delivered of it (USD m). */
export interface LifecycleContext {
  readonly agreedUsdM: number
  readonly deliveredUsdM: number
}

export type LifecycleEvent =
  | { readonly type: "PROPOSE"; readonly amountUsdM: number }
  | { readonly type: "AGREE"; readonly amountUsdM?: number }
  | { readonly type: "DELIVER"; readonly amountUsdM: number }
  | { readonly type: "COMPLETE" }
  | { readonly type: "STALL" }
  | { readonly type: "RESUME" }
  | { readonly type: "WITHDRAW" }

export type LifecycleEventType = LifecycleEvent["type"]

/** Every event type the machine knows, in the order the compiled table uses. */
export const lifecycleEventTypes: ReadonlyArray<LifecycleEventType> = [
  "PROPOSE",
  "AGREE",
  "DELIVER",
  "COMPLETE",
  "STALL",
  "RESUME",
  "WITHDRAW",
]

/** Every state, in the order the compiled table uses. */
export const lifecycleStates: ReadonlyArray<LifecycleState> = lifecycleStateIds

// Delivered amounts are compared with a tolerance so that tranches summing to the
// agreed amount in floating point still count as fully delivered.
const EPSILON_USD_M = 1e-9

/**
 * The lifecycle of one commitment: discussed → proposed → agreed → implemented,
 * with stalled and withdrawn. `discussed` is on the agenda with no amount (most of
 * what a pre-visit article reports); PROPOSE puts an amount on the table, and a
 * discussed item that is dropped takes WITHDRAW. The single source of truth for commands, diagrams, the
 * simulation's compiled table and the model-based tests.
 */
export const lifecycleMachine = setup({
  types: {
    context: {} as LifecycleContext,
    events: {} as LifecycleEvent,
    input: {} as Partial<LifecycleContext> | undefined,
  },
  guards: {
    /** Nothing is delivered beyond the agreed amount, and a tranche is positive. */
    deliveryWithinAgreed: ({ context, event }) =>
      event.type === "DELIVER" &&
      event.amountUsdM > 0 &&
      context.deliveredUsdM + event.amountUsdM <= context.agreedUsdM + EPSILON_USD_M,
    /** A commitment is implemented once everything agreed is delivered (at once for non-monetary ones). */
    fullyDelivered: ({ context }) => context.deliveredUsdM >= context.agreedUsdM - EPSILON_USD_M,
  },
  actions: {
    recordAgreement: assign({
      agreedUsdM: ({ context, event }) =>
        event.type === "AGREE" && event.amountUsdM !== undefined ? event.amountUsdM : context.agreedUsdM,
    }),
    recordDelivery: assign({
      deliveredUsdM: ({ context, event }) =>
        event.type === "DELIVER" ? context.deliveredUsdM + event.amountUsdM : context.deliveredUsdM,
    }),
  },
}).createMachine({
  id: "commitment",
  initial: "discussed",
  context: ({ input }) => ({
    agreedUsdM: input?.agreedUsdM ?? 0,
    deliveredUsdM: input?.deliveredUsdM ?? 0,
  }),
  states: {
    discussed: {
      on: {
        PROPOSE: { target: "proposed" },
        WITHDRAW: { target: "withdrawn" },
      },
    },
    proposed: {
      on: {
        AGREE: { target: "agreed", actions: "recordAgreement" },
        WITHDRAW: { target: "withdrawn" },
      },
    },
    agreed: {
      on: {
        DELIVER: { guard: "deliveryWithinAgreed", actions: "recordDelivery" },
        COMPLETE: { guard: "fullyDelivered", target: "implemented" },
        STALL: { target: "stalled" },
        WITHDRAW: { target: "withdrawn" },
      },
    },
    stalled: {
      on: {
        RESUME: { target: "agreed" },
        WITHDRAW: { target: "withdrawn" },
      },
    },
    implemented: { type: "final" },
    withdrawn: { type: "final" },
  },
})

export type LifecycleMachine = typeof lifecycleMachine

/** States that take no further events. */
export const isFinalState = (state: LifecycleState): boolean => finalLifecycleStates.includes(state)
