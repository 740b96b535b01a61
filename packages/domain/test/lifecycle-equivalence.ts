import { type AnyStateMachine, initialTransition, type SnapshotFrom, transition } from "xstate"
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths, getSimplePaths } from "xstate/graph"
import type { LifecycleState } from "../src/commitment.js"
import { type LifecycleEvent, type LifecycleMachine, lifecycleMachine } from "../src/lifecycle.js"
import { eventIndex, type LifecycleTable, NO_TRANSITION, stateIndex } from "../src/lifecycle-table.js"

/**
 * Events with payloads that reach every state and every guard outcome of the
 * lifecycle: a proposal, a non-monetary agreement (0) and a monetary one (10), tranches
 * that fit and tranches that overflow.
 */
export const traversalEvents: ReadonlyArray<LifecycleEvent> = [
  { type: "PROPOSE", amountUsdM: 10 },
  { type: "AGREE", amountUsdM: 0 },
  { type: "AGREE", amountUsdM: 10 },
  { type: "DELIVER", amountUsdM: 5 },
  { type: "DELIVER", amountUsdM: 10 },
  { type: "COMPLETE" },
  { type: "STALL" },
  { type: "RESUME" },
  { type: "WITHDRAW" },
]

type Snapshot = SnapshotFrom<LifecycleMachine>

const traversal = { events: traversalEvents as Array<LifecycleEvent> }
const eventsOf = (steps: ReadonlyArray<{ event: { type: string } }>): ReadonlyArray<LifecycleEvent> =>
  steps.filter((step) => step.event.type !== "xstate.init").map((step) => step.event as LifecycleEvent)
const snapshotKey = (snapshot: Snapshot) => JSON.stringify([snapshot.value, snapshot.context])

/**
 * Event sequences from `xstate/graph`: every simple path of the machine (its
 * snapshots include the context, so guards are exercised), plus, for every
 * transition the machine takes, the shortest path to its source followed by
 * that transition (a simple path never re-enters a visited snapshot, so it
 * misses edges such as stalled --RESUME--> agreed).
 */
export const lifecyclePaths = (
  machine: AnyStateMachine = lifecycleMachine,
): ReadonlyArray<ReadonlyArray<LifecycleEvent>> => {
  const logic = machine as LifecycleMachine
  const shortest = new Map(
    getShortestPaths(logic, traversal).map((path) => [snapshotKey(path.state), eventsOf(path.steps)]),
  )
  const transitionPaths = adjacencyMapToArray(getAdjacencyMap(logic, traversal))
    .filter(({ state, event }) => state.can(event))
    .map(({ state, event }) => [...(shortest.get(snapshotKey(state)) ?? []), event])
  return [...getSimplePaths(logic, traversal).map((path) => eventsOf(path.steps)), ...transitionPaths]
}

/** The transitions a sequence of events takes in the machine, as "from --EVENT--> to". */
export const transitionsTaken = (
  machine: AnyStateMachine,
  events: ReadonlyArray<LifecycleEvent>,
): ReadonlyArray<string> => {
  const logic = machine as LifecycleMachine
  let [snapshot] = initialTransition(logic, {})
  const taken: Array<string> = []
  for (const event of events) {
    if (!snapshot.can(event)) continue
    const [next] = transition(logic, snapshot, event)
    taken.push(`${snapshot.value} --${event.type}--> ${next.value}`)
    snapshot = next
  }
  return taken
}

/** The table's next state for (state, event), or undefined when the table refuses it. */
export const tableNext = (table: LifecycleTable, from: LifecycleState, event: LifecycleEvent["type"]) => {
  const next = table.next[stateIndex(from) * table.eventCount + eventIndex(event)] ?? NO_TRANSITION
  return next === NO_TRANSITION ? undefined : table.states[next]
}

/**
 * One step checked both ways. When the machine takes the event, the table must
 * lead to the same state. When the machine refuses it, the table may only have
 * an entry if a guard caused the refusal (the table is the state graph; the
 * engine enforces guards with arithmetic).
 */
export const stepMismatch = (
  machine: AnyStateMachine,
  table: LifecycleTable,
  snapshot: Snapshot,
  event: LifecycleEvent,
): string | undefined => {
  const from = snapshot.value as LifecycleState
  const viaTable = tableNext(table, from, event.type)
  if (snapshot.can(event)) {
    const [next] = transition(machine as LifecycleMachine, snapshot, event)
    return viaTable === next.value
      ? undefined
      : `${from} --${event.type}--> machine ${next.value}, table ${viaTable}`
  }
  const guarded = (machine.states[from]?.transitions.get(event.type) ?? []).some((t) => t.guard !== undefined)
  return viaTable === undefined || guarded
    ? undefined
    : `${from} --${event.type}--> machine refuses, table ${viaTable}`
}

/** Every disagreement between the table and the machine along every generated path of the machine. */
export const tableMismatches = (machine: AnyStateMachine, table: LifecycleTable): ReadonlyArray<string> => {
  const logic = machine as LifecycleMachine
  const mismatches = new Set<string>()
  for (const events of lifecyclePaths(machine)) {
    let [snapshot] = initialTransition(logic, {})
    for (const event of [...events, undefined]) {
      // At each snapshot on the path, check every event, not only the one the path takes next.
      for (const probe of traversalEvents) {
        const mismatch = stepMismatch(machine, table, snapshot, probe)
        if (mismatch !== undefined) mismatches.add(mismatch)
      }
      if (event === undefined || !snapshot.can(event)) break
      ;[snapshot] = transition(logic, snapshot, event)
    }
  }
  return [...mismatches]
}
