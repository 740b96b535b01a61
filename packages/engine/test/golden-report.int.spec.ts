import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { MODEL_VERSION } from "../src/model-version.js"
import { simulate } from "../src/simulate.js"
import { decodeSpec, pack } from "./scenario-spec-arbitrary.js"

/** The hash of the default spec's report: `{ "pack": "sybiha-visit-2025" }` (1,000 runs, seed 1, 24 months). */
const PINNED_DEFAULT_REPORT_HASH = "3664e9dac08509bd03ad540f55679f3d34408aae744056ec6dd4dfc25936f19f"

const HOW_TO_CHANGE =
  "The default spec's report changed. If the change is intended: add a line to the changelog of docs/model.md " +
  "(model version, what changed, the new hash), bump MODEL_VERSION when outputs change, then update " +
  "PINNED_DEFAULT_REPORT_HASH in packages/engine/test/golden-report.int.spec.ts."

describe("golden report", () => {
  it("pins the default spec's report hash", () => {
    const report = simulate(pack, decodeSpec({ pack: pack.id }))
    expect(report.hash, HOW_TO_CHANGE).toBe(PINNED_DEFAULT_REPORT_HASH)
  })

  it("has the pinned hash and the model version in docs/model.md's changelog", () => {
    const card = readFileSync(new URL("../../../docs/model.md", import.meta.url), "utf8")
    const changelog = card.slice(card.indexOf("## Changelog"))
    expect(card.includes("## Changelog"), "docs/model.md needs a '## Changelog' section").toBe(true)
    expect(changelog.includes(PINNED_DEFAULT_REPORT_HASH), HOW_TO_CHANGE).toBe(true)
    expect(changelog.includes(MODEL_VERSION), HOW_TO_CHANGE).toBe(true)
  })
})
