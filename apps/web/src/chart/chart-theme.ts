/** Colours chosen for a classroom projector: strong hues, AA contrast on white, not red/green alone. */
export const theme = {
  scenario: "#b3431b",
  scenarioBand: "rgba(179, 67, 27, 0.22)",
  baseline: "#4b5563",
  baselineBand: "rgba(75, 85, 99, 0.14)",
  delta: "#1f5f99",
  observed: "#1f5f99",
  deltaBand: "rgba(31, 95, 153, 0.22)",
  zero: "#6b7280",
  axis: "#374151",
  grid: "rgba(55, 65, 81, 0.12)",
  font: "14px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
} as const
