// `pnpm docs:backtest`: rewrites the generated "How well did it project?" section of docs/model.md from the
// current model and the pack's observation seed (a test fails when the checked-in section is stale).
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { getPack, observationSeedOf } from "@accord/domain"
import { modelCardBacktestSection, withBacktestSection } from "../src/render/backtest-markdown.js"

const path = fileURLToPath(new URL("../../../docs/model.md", import.meta.url))
const pack = getPack("sybiha-visit-2025")
const seed = observationSeedOf("sybiha-visit-2025")
if (pack === undefined || seed === undefined) throw new Error("pack sybiha-visit-2025 or its seed is missing")
const section = modelCardBacktestSection(pack, seed.observations, seed.visit.to)
writeFileSync(path, withBacktestSection(readFileSync(path, "utf8"), section))
console.log(`wrote the backtest section of ${path}`)
