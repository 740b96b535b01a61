import { csvRecords } from "../render/text-escape.js"
import type { Debrief } from "./debrief.js"

/**
 * The debrief as CSV (RFC 4180): one record per fact, with a `section` column
 * saying which table it belongs to. Ids stay in their own columns (move_id,
 * indicator); the `text` column says the same thing in words.
 */
export const debriefToCsv = (d: Debrief): string => {
  const label = (id: string) => {
    const o = d.outcomes.find((x) => x.id === id)
    return o === undefined ? "" : `${o.label} (${o.unit})`
  }
  return csvRecords([
    ["section", "round", "role", "move_id", "indicator", "statistic", "value", "text"],
    ...d.timeline.flatMap((team) =>
      team.moves.map((m) => [
        "move",
        String(m.round),
        team.role,
        m.moveId,
        "",
        m.status,
        m.month === null ? "" : String(m.month),
        m.reason === null ? m.description : `${m.description} (${m.reason})`,
      ]),
    ),
    ...d.outcomes.flatMap((o) =>
      (
        [
          ["played_p50", o.playedP50],
          ["baseline_p50", o.baselineP50],
          ["no_moves_p50", o.noMovesP50],
          ["vs_baseline_p10", o.vsBaseline.p10],
          ["vs_baseline_p50", o.vsBaseline.p50],
          ["vs_baseline_p90", o.vsBaseline.p90],
          ["vs_no_moves_p10", o.vsNoMoves.p10],
          ["vs_no_moves_p50", o.vsNoMoves.p50],
          ["vs_no_moves_p90", o.vsNoMoves.p90],
        ] as const
      ).map(([statistic, value]) => ["outcome", "", "", "", o.id, statistic, String(value), label(o.id)]),
    ),
    ...d.attribution.flatMap((a) =>
      a.effects.flatMap((e) =>
        (
          [
            ["delta_mean", e.deltaMean],
            ["standard_error", e.standardError],
          ] as const
        ).map(([statistic, value]) => [
          "attribution",
          String(a.round),
          a.roles.join("+"),
          a.moveId,
          e.indicator,
          statistic,
          String(value),
          a.description,
        ]),
      ),
    ),
    ...d.attributionTotal.map((t) => [
      "attribution_total",
      "",
      "",
      "",
      t.indicator,
      "delta_mean",
      String(t.deltaMean),
      `${label(t.indicator)}: as played minus no moves`,
    ]),
    ...d.prompts.map((p, i) => ["prompt", "", "", "", "", "number", String(i + 1), p]),
    ...d.rounds.flatMap((r) =>
      r.outcomes.indicators.map((i) => [
        "round",
        String(r.round),
        "",
        "",
        i.id,
        "p50",
        String(i.p50),
        `${label(i.id)} at month ${r.outcomes.horizonMonth}, projected when round ${r.round} closed (month ${r.month})`,
      ]),
    ),
  ])
}
