import { fc, test } from "@fast-check/vitest"
import { describe, expect, it } from "vitest"
import { createMachine, initialTransition, transition } from "xstate"
import { getShortestPaths } from "xstate/graph"
import {
  lifecyclePaths,
  stepMismatch,
  tableMismatches,
  tableNext,
  transitionsTaken,
  traversalEvents,
} from "../test/lifecycle-equivalence.js"
import type { LifecycleState } from "./commitment.js"
import { type LifecycleEvent, type LifecycleMachine, lifecycleMachine, lifecycleStates } from "./lifecycle.js"
import { compileLifecycleTable, lifecycleTable } from "./lifecycle-table.js"

/** Every transition the machine defines, read off its state nodes. */
const definedTransitions = (machine: LifecycleMachine = lifecycleMachine) =>
  lifecycleStates.flatMap((state) =>
    [...(machine.states[state]?.transitions ?? [])].flatMap(([event, transitions]) =>
      transitions.map((t) => `${state} --${event}--> ${t.target?.[0]?.key ?? state}`),
    ),
  )

/** The machine with one edit: a stalled commitment can be completed outright. */
const machineWithExtraEdge = createMachine(
  {
    ...lifecycleMachine.config,
    states: {
      ...lifecycleMachine.config.states,
      stalled: {
        on: {
          RESUME: { target: "agreed" },
          WITHDRAW: { target: "withdrawn" },
          COMPLETE: { target: "implemented" },
        },
      },
    },
  },
  lifecycleMachine.implementations,
) as unknown as LifecycleMachine

/** The machine with one edit: a stalled commitment can no longer resume. */
const machineWithoutResume = createMachine(
  {
    ...lifecycleMachine.config,
    states: { ...lifecycleMachine.config.states, stalled: { on: { WITHDRAW: { target: "withdrawn" } } } },
  },
  lifecycleMachine.implementations,
) as unknown as LifecycleMachine

describe("lifecycle machine, model-based", () => {
  it("has a generated path covering every transition it defines", () => {
    const defined = definedTransitions()
    expect(defined).toHaveLength(10)
    const covered = new Set(lifecyclePaths().flatMap((events) => transitionsTaken(lifecycleMachine, events)))
    expect([...covered].sort()).toEqual([...defined].sort())
  })

  it("reaches every state by a shortest path from discussed", () => {
    const reached = new Set(
      getShortestPaths(lifecycleMachine, { events: traversalEvents as Array<LifecycleEvent> }).map(
        (path) => path.state.value,
      ),
    )
    expect([...reached].sort()).toEqual([...lifecycleStates].sort())
  })

  it("agrees with the compiled table on every simple path", () => {
    expect(lifecyclePaths().length).toBeGreaterThan(10)
    expect(tableMismatches(lifecycleMachine, lifecycleTable)).toEqual([])
  })

  it("marks exactly the machine's final states as final in the table", () => {
    lifecycleStates.forEach((state, s) => {
      expect(lifecycleTable.final[s] === 1).toBe(lifecycleMachine.states[state]?.type === "final")
    })
  })
})

describe("table/machine equivalence fails when either is edited alone", () => {
  it("a machine edited without the table (new edge) is caught", () => {
    expect(tableMismatches(machineWithExtraEdge, lifecycleTable)).toContain(
      "stalled --COMPLETE--> machine implemented, table undefined",
    )
  })

  it("a machine edited without the table (edge removed) is caught", () => {
    expect(tableMismatches(machineWithoutResume, lifecycleTable)).toContain(
      "stalled --RESUME--> machine refuses, table agreed",
    )
  })

  it("a table compiled from a modified machine disagrees with the real machine", () => {
    expect(tableMismatches(lifecycleMachine, compileLifecycleTable(machineWithExtraEdge))).not.toEqual([])
    expect(tableMismatches(lifecycleMachine, compileLifecycleTable(machineWithoutResume))).not.toEqual([])
  })

  it("a table with one cell edited is caught", () => {
    const next = Int8Array.from(lifecycleTable.next)
    const cell =
      lifecycleTable.states.indexOf("stalled") * lifecycleTable.eventCount +
      lifecycleTable.events.indexOf("RESUME")
    next[cell] = lifecycleTable.states.indexOf("withdrawn")
    expect(tableMismatches(lifecycleMachine, { ...lifecycleTable, next })).toContain(
      "stalled --RESUME--> machine agreed, table withdrawn",
    )
  })
})

const lifecycleEvent: fc.Arbitrary<LifecycleEvent> = fc.oneof(
  fc.record({ type: fc.constant("PROPOSE" as const), amountUsdM: fc.constantFrom(0, 10) }),
  fc.record({ type: fc.constant("AGREE" as const), amountUsdM: fc.constantFrom(0, 1, 10, 33.3) }),
  fc.record({
    type: fc.constant("DELIVER" as const),
    amountUsdM: fc.constantFrom(0, 0.1, 1, 5, 10, 11.1, 33.3),
  }),
  fc.constantFrom<LifecycleEvent>(
    { type: "COMPLETE" },
    { type: "STALL" },
    { type: "RESUME" },
    { type: "WITHDRAW" },
  ),
)

describe("table and transition() on random event sequences", () => {
  test.prop([fc.array(lifecycleEvent, { maxLength: 40, size: "max" })], { numRuns: 300 })(
    "step to the same state whenever the machine takes the event",
    (events) => {
      let [snapshot] = initialTransition(lifecycleMachine, {})
      let viaTable: LifecycleState | undefined = "discussed"
      for (const event of events) {
        expect(stepMismatch(lifecycleMachine, lifecycleTable, snapshot, event)).toBeUndefined()
        if (snapshot.can(event)) {
          ;[snapshot] = transition(lifecycleMachine, snapshot, event)
          viaTable = viaTable === undefined ? undefined : tableNext(lifecycleTable, viaTable, event.type)
        }
        expect(viaTable).toBe(snapshot.value)
      }
    },
  )
})
