import type { LifecycleStateId as LifecycleState } from "@accord/domain/facts"
import { lifecycleMachine, lifecycleStates } from "@accord/domain/lifecycle"
import { stateLabels } from "../lifecycle-labels.js"

interface Edge {
  readonly from: string
  readonly to: string
  readonly event: string
  readonly guard?: string
}

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
const W = 150
const H = 48

const position = (state: string, i: number) => layout[state] ?? { x: 110 + i * 180, y: 360 }

const clip = (cx: number, cy: number, dx: number, dy: number) => {
  const t = Math.min(dx === 0 ? Infinity : W / 2 / Math.abs(dx), dy === 0 ? Infinity : H / 2 / Math.abs(dy))
  return { x: cx + dx * t, y: cy + dy * t }
}

/** The commitment lifecycle drawn from the XState machine: states, transitions, guards. */
const LifecycleDiagram = () => {
  const edges = machineEdges()
  const finals = finalStates()
  const states = lifecycleStates as ReadonlyArray<LifecycleState>
  const pos = new Map(states.map((s, i) => [s as string, position(s, i)]))
  const height = Math.max(...[...pos.values()].map((p) => p.y)) + 50
  const pairs = new Set(edges.map((e) => `${e.from}>${e.to}`))
  const summary = edges
    .map((e) => `${e.event.toLowerCase()}: ${e.from} → ${e.to}${e.guard ? ` (if ${e.guard})` : ""}`)
    .join("; ")
  return (
    <figure className="lifecycle panel">
      <figcaption>
        <h2 id="lifecycle-h">How a commitment moves</h2>
        <p className="hint">
          Drawn from the lifecycle machine the simulation runs on. Double borders mark final states; * marks a
          transition that needs its guard (a tranche within the agreed amount, everything delivered).
        </p>
      </figcaption>
      <svg
        viewBox={`0 0 830 ${height}`}
        role="img"
        aria-labelledby="lifecycle-h lifecycle-desc"
        className="lifecycle-svg"
      >
        <title>Lifecycle of a commitment</title>
        <desc id="lifecycle-desc">{summary}</desc>
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="5"
            markerHeight="5"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#374151" />
          </marker>
        </defs>
        {edges.map((e) => {
          const a = pos.get(e.from)
          const b = pos.get(e.to)
          if (!a || !b) return null
          const key = `${e.from}-${e.event}-${e.to}`
          if (e.from === e.to) {
            // A self-transition (a tranche delivered while agreed): a loop above the box.
            const y = a.y - H / 2
            return (
              <g key={key} className="edge">
                <path
                  d={`M${a.x - 30},${y} C${a.x - 40},${y - 48} ${a.x + 40},${y - 48} ${a.x + 30},${y}`}
                  fill="none"
                  stroke="#374151"
                  strokeWidth="2"
                  markerEnd="url(#arrow)"
                />
                <text x={a.x} y={y - 42} textAnchor="middle" className="edge-label">
                  {e.event.toLowerCase()}
                  {e.guard ? " *" : ""}
                </text>
              </g>
            )
          }
          const dx = b.x - a.x
          const dy = b.y - a.y
          const len = Math.hypot(dx, dy)
          // Two-way pairs (stall/resume) are drawn side by side instead of on top of each other.
          const off = pairs.has(`${e.to}>${e.from}`) ? 10 : 0
          const ox = (-dy / len) * off
          const oy = (dx / len) * off
          const start = clip(a.x + ox, a.y + oy, dx, dy)
          const end = clip(b.x + ox, b.y + oy, -dx, -dy)
          const mx = (start.x + end.x) / 2 + ox * 2.2
          const my = (start.y + end.y) / 2 + oy * 2.2
          return (
            <g key={key} className="edge">
              <line
                x1={start.x}
                y1={start.y}
                x2={end.x}
                y2={end.y}
                stroke="#374151"
                strokeWidth="2"
                markerEnd="url(#arrow)"
              />
              <text
                x={mx + (dx === 0 ? (off ? Math.sign(ox) * 30 : 30) : 0)}
                y={my - (dy === 0 ? 8 : 0)}
                textAnchor="middle"
                className="edge-label"
              >
                {e.event.toLowerCase()}
                {e.guard ? " *" : ""}
              </text>
            </g>
          )
        })}
        {states.map((s) => {
          const p = pos.get(s) ?? { x: 0, y: 0 }
          const final = finals.has(s)
          return (
            <g key={s} className={`node state-${s}`}>
              <rect x={p.x - W / 2} y={p.y - H / 2} width={W} height={H} rx="10" className="node-box" />
              {final && (
                <rect
                  x={p.x - W / 2 + 4}
                  y={p.y - H / 2 + 4}
                  width={W - 8}
                  height={H - 8}
                  rx="7"
                  fill="none"
                  className="node-inner"
                />
              )}
              <text x={p.x} y={p.y + 6} textAnchor="middle" className="node-label">
                {stateLabels[s] ?? s}
              </text>
            </g>
          )
        })}
      </svg>
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
    </figure>
  )
}

export default LifecycleDiagram
