import type { LifecycleStateId as LifecycleState } from "@accord/domain/facts"
import { lifecycleMachine, lifecycleStates } from "@accord/domain/lifecycle"
import { ArrowMarker, type Edge, EdgeShape, StateNode } from "./lifecycle-shapes.js"

/** The machine's transitions, read from its definition so the diagram cannot drift from the model. */
export const machineEdges = (): ReadonlyArray<Edge> =>
  lifecycleStates.flatMap((state) => {
    const node = lifecycleMachine.states[state]
    if (!node) return []
    return [...node.transitions].flatMap(([event, transitions]) =>
      transitions.map((t) => {
        const g = t.guard as unknown
        const guard = typeof g === "string" ? g : (g as { type?: string } | undefined)?.type
        return { from: state, to: t.target?.[0]?.key ?? state, event, ...(guard ? { guard } : {}) }
      }),
    )
  })

const finalStates = (): ReadonlySet<string> =>
  new Set(lifecycleStates.filter((s) => lifecycleMachine.states[s]?.type === "final"))

// Where each known state sits: the spine on top, the detours below. A state the
// machine adds later still appears, in a row at the bottom.
const layout: Record<string, { x: number; y: number }> = {
  discussed: { x: 85, y: 100 },
  proposed: { x: 305, y: 100 },
  agreed: { x: 525, y: 100 },
  implemented: { x: 745, y: 100 },
  stalled: { x: 525, y: 270 },
  withdrawn: { x: 195, y: 270 },
}

const position = (state: string, i: number) => layout[state] ?? { x: 110 + i * 180, y: 360 }

/** The transitions in words, for readers who do not see the drawing. */
const TransitionList = ({ edges }: { readonly edges: ReadonlyArray<Edge> }) => (
  <details>
    <summary>Transitions as a list</summary>
    <ul>
      {edges.map((e) => (
        <li key={`${e.from}-${e.event}-${e.to}`}>
          <strong>{e.event.toLowerCase()}</strong>: {e.from} → {e.to}
          {e.guard ? ` (only if ${e.guard})` : ""}
        </li>
      ))}
    </ul>
    <p className="hint">* guarded transition.</p>
  </details>
)

/** The drawing: every transition, then every state on top. */
const LifecycleSvg = ({ edges }: { readonly edges: ReadonlyArray<Edge> }) => {
  const finals = finalStates()
  const states = lifecycleStates as ReadonlyArray<LifecycleState>
  const pos = new Map(states.map((s, i) => [s as string, position(s, i)]))
  const height = Math.max(...[...pos.values()].map((p) => p.y)) + 50
  const pairs = new Set(edges.map((e) => `${e.from}>${e.to}`))
  const summary = edges
    .map((e) => `${e.event.toLowerCase()}: ${e.from} → ${e.to}${e.guard ? ` (if ${e.guard})` : ""}`)
    .join("; ")
  return (
    <svg
      viewBox={`0 0 830 ${height}`}
      role="img"
      aria-labelledby="lifecycle-h lifecycle-desc"
      className="lifecycle-svg"
    >
      <title>Lifecycle of a commitment</title>
      <desc id="lifecycle-desc">{summary}</desc>
      <ArrowMarker />
      {edges.map((e) => {
        const a = pos.get(e.from)
        const b = pos.get(e.to)
        if (!a || !b) return null
        return (
          <EdgeShape
            key={`${e.from}-${e.event}-${e.to}`}
            edge={e}
            a={a}
            b={b}
            twoWay={pairs.has(`${e.to}>${e.from}`)}
          />
        )
      })}
      {states.map((s) => (
        <StateNode key={s} state={s} at={pos.get(s) ?? { x: 0, y: 0 }} final={finals.has(s)} />
      ))}
    </svg>
  )
}

/** The commitment lifecycle drawn from the XState machine: states, transitions, guards. */
const LifecycleDiagram = () => {
  const edges = machineEdges()
  return (
    <figure className="lifecycle panel">
      <figcaption>
        <h2 id="lifecycle-h">How a commitment moves</h2>
        <p className="hint">
          Drawn from the lifecycle machine the simulation runs on. Double borders mark final states; * marks a
          transition that needs its guard (a tranche within the agreed amount, everything delivered).
        </p>
      </figcaption>
      <LifecycleSvg edges={edges} />
      <TransitionList edges={edges} />
    </figure>
  )
}

export default LifecycleDiagram
