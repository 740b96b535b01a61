import type { ExerciseActor } from "./exercise-roles.js"

/**
 * What each move does in the model, as one table: the spec change the move
 * makes when its round closes (exercise-spec.ts makes it) and the indicators
 * it moves, with the direction, when it is the only difference between two
 * runs of the game under common random numbers. Tests in
 * packages/engine/test/move-effects.unit.spec.ts hold every row;
 * docs/classroom-guide.md prints it, and the API serves it to the move form.
 * Schema-free on purpose: a browser bundle may import it.
 */
export interface MoveEffectRow {
  readonly move: string
  /** What the move form calls it. */
  readonly title: string
  readonly by: ExerciseActor
  /** The change to the scenario the engine runs, in plain words (intervention names as in specs). */
  readonly specChange: string
  /** Indicators the move moves, each up or down; every other indicator stays exactly as it was. */
  readonly moves: ReadonlyArray<{ readonly indicator: string; readonly direction: "up" | "down" }>
  /** Whose indicators these are when they depend on the offer's sector or the commitment named. */
  readonly scope?: string
}

const up = (indicator: string) => ({ indicator, direction: "up" as const })
const down = (indicator: string) => ({ indicator, direction: "down" as const })

/** The money an agreed package brings: pledged, agreed and delivered, all of it new. */
const newMoney = [
  up("funds.pledged_usd_m"),
  up("funds.agreed_usd_m"),
  up("funds.disbursed_usd_m"),
  up("funds.new_pledged_usd_m"),
  up("funds.new_disbursed_usd_m"),
]

export const moveEffectsTable: ReadonlyArray<MoveEffectRow> = [
  {
    move: "adopt-sanctions",
    title: "Adopt a sanctions package",
    by: "japan",
    specChange: "sanctions-package, agreed (adopted) at the round's month: coverage × enforcement as chosen",
    moves: [up("sanctions.packages_adopted"), up("sanctions.pressure_index"), up("commitments.implemented")],
  },
  {
    move: "offer-aid",
    title: "Offer an aid package",
    by: "japan",
    specChange: "none until Ukraine agrees it (a proposal moves no money)",
    moves: [],
  },
  {
    move: "agree-project",
    title: "Agree a project Ukraine proposed",
    by: "japan",
    specChange: "aid-package (grant), agreed at the round's month, delivered in tranches",
    moves: [...newMoney, up("commitments.implemented"), up("health.facilities_supported")],
    scope: "the sector's indicator moves with the money: health.facilities_supported for a health project",
  },
  {
    move: "deliver",
    title: "Deliver an agreed package or project",
    by: "japan",
    specChange:
      "the agreed aid-package is delivered in full at the round's month (implementedAtMonth), if not stalled",
    moves: [
      up("funds.disbursed_usd_m"),
      up("funds.new_disbursed_usd_m"),
      up("commitments.implemented"),
      up("energy.capacity_restored_mw"),
    ],
    scope: "the sector's indicator moves with the money: energy.capacity_restored_mw for an energy offer",
  },
  {
    move: "withdraw-commitment",
    title: "Withdraw a commitment",
    by: "japan",
    specChange: "withdraw the commitment at the round's month (what was delivered stays delivered)",
    moves: [down("funds.disbursed_usd_m"), down("commitments.implemented")],
    scope:
      "that commitment's indicators: for the ERA loan (agreed before the visit), money delivered and completions",
  },
  {
    move: "propose-project",
    title: "Propose a reconstruction project",
    by: "ukraine",
    specChange: "none until Japan agrees it (a proposal moves no money)",
    moves: [],
  },
  {
    move: "agree-offer",
    title: "Agree an offer from Japan",
    by: "ukraine",
    specChange: "aid-package (the offer's form), agreed at the round's month, delivered in tranches",
    moves: [...newMoney, up("commitments.implemented"), up("energy.capacity_restored_mw")],
    scope: "the sector's indicator moves with the money: energy.capacity_restored_mw for an energy offer",
  },
  {
    move: "decline-offer",
    title: "Decline an offer from Japan",
    by: "ukraine",
    specChange: "none (the offer leaves the table; it had moved no money)",
    moves: [],
  },
  {
    move: "counter-measure",
    title: "Take a counter-measure",
    by: "russia",
    specChange:
      "sanctions-evasion from the round's month: the measure's evasionPerMonth (the pack's, see the model card) added to the monthly erosion",
    moves: [down("sanctions.pressure_index")],
  },
  {
    move: "grid-strike",
    title: "Strike on the power grid",
    by: "facilitator",
    specChange: "grid-strike at the round's month: mwDestroyed MW of generating capacity destroyed",
    moves: [down("energy.capacity_restored_mw")],
  },
  {
    move: "stall",
    title: "A commitment stalls (a scandal)",
    by: "facilitator",
    specChange:
      "stall at the round's month: the commitment stalls if it is agreed then, and resumes by its kind's hazard",
    moves: [down("defense.consultations_held"), down("commitments.implemented")],
    scope:
      "that commitment's indicators: for the defense consultations mechanism, consultations held and its completion",
  },
  {
    move: "delay",
    title: "A commitment stands still (an election)",
    by: "facilitator",
    specChange: "delay from the round's month: the commitment stands still for the months chosen",
    moves: [down("funds.disbursed_usd_m"), down("commitments.implemented")],
    scope: "that commitment's indicators: for the ERA loan, money delivered and completions",
  },
  {
    move: "partner-joins",
    title: "A partner joins the sanctions",
    by: "facilitator",
    specChange:
      "sanctions-package (the partner's), agreed (adopted) at the round's month: it counts as one more package adopted by the coalition",
    moves: [up("sanctions.packages_adopted"), up("sanctions.pressure_index"), up("commitments.implemented")],
  },
]

const ROLE_NAMES: Readonly<Record<ExerciseActor, string>> = {
  japan: "Japan",
  ukraine: "Ukraine",
  russia: "Russia",
  facilitator: "Facilitator",
}

/** Where the generated table sits in docs/classroom-guide.md. */
export const MOVE_EFFECTS_MARKERS = {
  start: "<!-- move-effects:start (generated by `pnpm --filter @accord/domain docs:moves`; do not edit) -->",
  end: "<!-- move-effects:end -->",
} as const

/** The table as Markdown, for the classroom guide (between MOVE_EFFECTS_MARKERS). */
export const moveEffectsMarkdown = (rows: ReadonlyArray<MoveEffectRow> = moveEffectsTable): string => {
  const cell = (text: string) => text.replaceAll("|", "\\|")
  const indicators = (row: MoveEffectRow) =>
    row.moves.length === 0
      ? "none"
      : `${row.moves.map((m) => `\`${m.indicator}\` ${m.direction === "up" ? "↑" : "↓"}`).join(", ")}${row.scope === undefined ? "" : ` (${row.scope})`}`
  return [
    "| move | by | what it changes in the model | indicators it moves (every other stays as it was) |",
    "|---|---|---|---|",
    ...rows.map(
      (row) =>
        `| \`${row.move}\` ${cell(row.title)} | ${ROLE_NAMES[row.by]} | ${cell(row.specChange)} | ${cell(indicators(row))} |`,
    ),
  ].join("\n")
}

/** `document` with the generated table between the markers (which must be there). */
export const withMoveEffectsTable = (document: string): string => {
  const start = document.indexOf(MOVE_EFFECTS_MARKERS.start)
  const end = document.indexOf(MOVE_EFFECTS_MARKERS.end)
  if (start < 0 || end < start) throw new Error("the document has no move-effects markers")
  return `${document.slice(0, start + MOVE_EFFECTS_MARKERS.start.length)}\n\n${moveEffectsMarkdown()}\n\n${document.slice(end)}`
}
