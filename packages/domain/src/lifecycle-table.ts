import type { LifecycleState } from "./commitment.js"
import {
  type LifecycleEventType,
  type LifecycleMachine,
  lifecycleEventTypes,
  lifecycleMachine,
  lifecycleStates,
} from "./lifecycle.js"

/** No transition for this (state, event): the event is refused. */
export const NO_TRANSITION = -1

/**
 * The lifecycle machine's state graph as a flat typed array, for the Monte Carlo
 * hot loop: `next[state * eventCount + event]` is the next state's index or
 * NO_TRANSITION. Guards are not in the table; the engine enforces them with
 * arithmetic (it never delivers beyond the agreed amount).
 */
export interface LifecycleTable {
  readonly states: ReadonlyArray<LifecycleState>
  readonly events: ReadonlyArray<LifecycleEventType>
  readonly eventCount: number
  readonly next: Int8Array
  readonly final: Uint8Array
}

/** Compiles the table from the machine definition, so the two cannot drift apart. */
export const compileLifecycleTable = (machine: LifecycleMachine = lifecycleMachine): LifecycleTable => {
  const states = lifecycleStates
  const events = lifecycleEventTypes
  const next = new Int8Array(states.length * events.length).fill(NO_TRANSITION)
  const final = new Uint8Array(states.length)
  states.forEach((state, s) => {
    const node = machine.states[state]
    if (node === undefined) throw new Error(`lifecycle machine has no state '${state}'`)
    final[s] = node.type === "final" ? 1 : 0
    for (const [eventType, transitions] of node.transitions) {
      const e = events.indexOf(eventType as LifecycleEventType)
      if (e < 0) throw new Error(`lifecycle machine event '${eventType}' is missing from lifecycleEventTypes`)
      const targets = new Set(transitions.map((t) => t.target?.[0]?.key ?? state))
      if (targets.size !== 1) throw new Error(`state '${state}' has several targets for '${eventType}'`)
      const [target] = targets
      next[s * events.length + e] = states.indexOf(target as LifecycleState)
    }
  })
  return { states, events, eventCount: events.length, next, final }
}

export const lifecycleTable: LifecycleTable = compileLifecycleTable()

/** Index of a state in the table. */
export const stateIndex = (state: LifecycleState): number => lifecycleStates.indexOf(state)
/** Index of an event type in the table. */
export const eventIndex = (event: LifecycleEventType): number => lifecycleEventTypes.indexOf(event)
