import { builtInPacks, getPack, notOneOf, type Pack } from "@accord/domain"
import { canonicalJson } from "@accord/engine"
import { Args, Command, Options } from "@effect/cli"
import { Effect } from "effect"
import { UnknownPack } from "../cli-errors.js"
import { writeStdout } from "../report-output.js"

const jsonOption = Options.boolean("json").pipe(Options.withDescription("print JSON instead of text"))

/** `accord packs`: the built-in packs, one line each. */
export const packsCommand = Command.make("packs", { json: jsonOption }, ({ json }) =>
  writeStdout(
    json
      ? `${canonicalJson(builtInPacks.map(packSummary))}\n`
      : builtInPacks
          .map(
            (p) =>
              `${p.id}  ${p.title}\n  ${p.commitments.length} commitments, ${p.parameters.length} parameters, month 0 = ${p.startMonth}\n`,
          )
          .join(""),
  ),
).pipe(Command.withDescription("List the built-in scenario packs."))

/** `accord pack <id>`: a pack's commitments, assumptions and sources. */
export const packCommand = Command.make(
  "pack",
  {
    id: Args.text({ name: "id" }).pipe(Args.withDescription("a pack id, as `accord packs` lists them")),
    json: jsonOption,
  },
  ({ id, json }) =>
    Effect.gen(function* () {
      const pack = getPack(id)
      if (pack === undefined) {
        return yield* new UnknownPack({
          pack: id,
          message: `no built-in pack '${id}': ${notOneOf(
            id,
            builtInPacks.map((p) => p.id),
          )}`,
        })
      }
      yield* writeStdout(json ? `${canonicalJson(pack)}\n` : packText(pack))
    }),
).pipe(
  Command.withDescription(
    "Show a pack: its commitments, assumptions, indicators and the sources behind them.",
  ),
)

const packSummary = (p: Pack) => ({
  id: p.id,
  title: p.title,
  summary: p.summary,
  startMonth: p.startMonth,
  commitments: p.commitments.length,
  parameters: p.parameters.length,
})

/** A pack as plain text for a terminal or a handout appendix. */
export const packText = (pack: Pack): string => {
  const lines: Array<string> = [
    `${pack.title} (${pack.id})`,
    "",
    pack.summary,
    `Month 0 is ${pack.startMonth}. Article: ${pack.article.title}`,
    "",
    `Commitments (${pack.commitments.length}):`,
  ]
  for (const c of pack.commitments) {
    lines.push(
      `  ${c.id}: ${c.title}`,
      `    ${c.track}${c.sector === undefined ? "" : `/${c.sector}`}, ${c.kind}, ${c.from} → ${c.to}, ${c.initialState} at month 0`,
      `    confidence ${c.source.confidence}${c.source.predatesVisit ? ", predates the visit" : ""}: ${c.source.stateBasis}`,
      ...(c.source.quote === undefined ? [] : [`    "${c.source.quote}"`]),
      ...c.source.facts.map(
        (f) =>
          `    source (${f.confidence}): ${f.what}${f.asOf === undefined ? "" : ` (${f.asOf})`} ${f.url}`,
      ),
    )
  }
  lines.push("", `Assumptions and parameters (${pack.parameters.length}):`)
  for (const p of pack.parameters) {
    lines.push(
      `  ${p.id}: ${p.label} [${p.unit}] ${p.low} .. ${p.high}, most likely ${p.mode} (overrides allowed ${p.min} .. ${p.max}) — ${p.basis}`,
      `    ${p.rationale}`,
      ...p.facts.map(
        (f) =>
          `    source (${f.confidence}): ${f.what}${f.asOf === undefined ? "" : ` (${f.asOf})`} ${f.url}`,
      ),
    )
  }
  lines.push("", "Indicators:")
  for (const i of pack.indicators) lines.push(`  ${i.id} (${i.unit}): ${i.label} — ${i.description}`)
  lines.push("", "Interventions:")
  for (const i of pack.interventions) lines.push(`  ${i.type}: ${i.label} — ${i.description}`)
  return `${lines.join("\n")}\n`
}
