import type { LifecycleStateId } from "@accord/domain/facts"
import { stateLabels } from "../lifecycle-labels.js"

/** One transition of the machine, as the diagram draws it. */
export interface Edge {
  readonly from: string
  readonly to: string
  readonly event: string
  readonly guard?: string
}

type Point = { readonly x: number; readonly y: number }

/** A state's box: its width and height. */
const W = 150
const H = 48

const clip = (cx: number, cy: number, dx: number, dy: number) => {
  const t = Math.min(dx === 0 ? Infinity : W / 2 / Math.abs(dx), dy === 0 ? Infinity : H / 2 / Math.abs(dy))
  return { x: cx + dx * t, y: cy + dy * t }
}

/** The arrow head every edge ends in. */
export const ArrowMarker = () => (
  <defs>
    <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto">
      <path d="M0,0 L10,5 L0,10 z" fill="#374151" />
    </marker>
  </defs>
)

const EdgeLabel = ({ edge, x, y }: { readonly edge: Edge; readonly x: number; readonly y: number }) => (
  <text x={x} y={y} textAnchor="middle" className="edge-label">
    {edge.event.toLowerCase()}
    {edge.guard ? " *" : ""}
  </text>
)

/** An edge between its two states' centres; `twoWay` when the opposite edge is drawn too. */
interface EdgeProps {
  readonly edge: Edge
  readonly a: Point
  readonly b: Point
  readonly twoWay: boolean
}

/** A self-transition (a tranche delivered while agreed): a loop above the box. */
const SelfLoop = ({ edge, at }: { readonly edge: Edge; readonly at: Point }) => {
  const y = at.y - H / 2
  return (
    <g className="edge">
      <path
        d={`M${at.x - 30},${y} C${at.x - 40},${y - 48} ${at.x + 40},${y - 48} ${at.x + 30},${y}`}
        fill="none"
        stroke="#374151"
        strokeWidth="2"
        markerEnd="url(#arrow)"
      />
      <EdgeLabel edge={edge} x={at.x} y={y - 42} />
    </g>
  )
}

/** A transition between two states, box edge to box edge; `twoWay` sets it beside its opposite. */
const Arrow = ({ edge, a, b, twoWay }: EdgeProps) => {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len = Math.hypot(dx, dy)
  // Two-way pairs (stall/resume) are drawn side by side instead of on top of each other.
  const off = twoWay ? 10 : 0
  const ox = (-dy / len) * off
  const oy = (dx / len) * off
  const start = clip(a.x + ox, a.y + oy, dx, dy)
  const end = clip(b.x + ox, b.y + oy, -dx, -dy)
  const mx = (start.x + end.x) / 2 + ox * 2.2
  const my = (start.y + end.y) / 2 + oy * 2.2
  return (
    <g className="edge">
      <line
        x1={start.x}
        y1={start.y}
        x2={end.x}
        y2={end.y}
        stroke="#374151"
        strokeWidth="2"
        markerEnd="url(#arrow)"
      />
      <EdgeLabel
        edge={edge}
        x={mx + (dx === 0 ? (off ? Math.sign(ox) * 30 : 30) : 0)}
        y={my - (dy === 0 ? 8 : 0)}
      />
    </g>
  )
}

/** An edge of the diagram: a loop when it returns to its state, an arrow otherwise. */
export const EdgeShape = ({ edge, a, b, twoWay }: EdgeProps) =>
  edge.from === edge.to ? <SelfLoop edge={edge} at={a} /> : <Arrow edge={edge} a={a} b={b} twoWay={twoWay} />

/** A state's box and name; a final state has a double border. */
export const StateNode = ({
  state,
  at,
  final,
}: {
  readonly state: LifecycleStateId
  readonly at: Point
  readonly final: boolean
}) => (
  <g className={`node state-${state}`}>
    <rect x={at.x - W / 2} y={at.y - H / 2} width={W} height={H} rx="10" className="node-box" />
    {final && (
      <rect
        x={at.x - W / 2 + 4}
        y={at.y - H / 2 + 4}
        width={W - 8}
        height={H - 8}
        rx="7"
        fill="none"
        className="node-inner"
      />
    )}
    <text x={at.x} y={at.y + 6} textAnchor="middle" className="node-label">
      {stateLabels[state] ?? state}
    </text>
  </g>
)
