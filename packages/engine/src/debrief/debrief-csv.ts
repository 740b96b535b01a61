import { csvRecords } from "../render/text-escape.js"
import type { Debrief } from "./debrief.js"

/** The debrief as CSV (RFC 4180): one record per fact, with a `section` column saying which table it belongs to. */
export const debriefToCsv = (d: Debrief): string =>
  csvRecords([
    ["section", "round", "role", "move", "indicator", "statistic", "value", "text"],
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
      ).map(([statistic, value]) => ["outcome", "", "", "", o.id, statistic, String(value), o.unit]),
    ),
    ...d.attribution.flatMap((a) =>
      a.effects.map((e) => [
        "attribution",
        String(a.round),
        a.role,
        a.moveId,
        e.indicator,
        "delta_mean",
        String(e.deltaMean),
        a.description,
      ]),
    ),
    ...d.rounds.flatMap((r) =>
      r.outcomes.indicators.map((i) => [
        "round",
        String(r.round),
        "",
        "",
        i.id,
        "p50",
        String(i.p50),
        `month ${r.month}`,
      ]),
    ),
  ])
