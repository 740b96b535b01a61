import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { defaultModelCard, renderModelCard } from "../../model-card-page.js"
import { HOW_COMPUTED_HREF } from "../results/indicator-card.js"
import { lifecycleSvg } from "./lifecycle-svg.js"

const docs = join(import.meta.dirname, "..", "..", "..", "..", "docs")

describe("model card diagram", () => {
  it("docs/lifecycle.svg is the diagram drawn from the machine today (pnpm --filter @accord/web docs:lifecycle)", () => {
    expect(readFileSync(join(docs, "lifecycle.svg"), "utf8")).toBe(lifecycleSvg())
  })

  it("the model card page draws the lifecycle instead of showing mermaid code, and has the anchor the charts link to", () => {
    const html = renderModelCard(readFileSync(defaultModelCard, "utf8"), lifecycleSvg())
    expect(html).not.toContain("stateDiagram-v2")
    expect(html).toContain('<figure class="diagram"><svg')
    expect(html).toContain("Lifecycle of a commitment")
    const anchor = HOW_COMPUTED_HREF.split("#")[1]
    expect(html).toContain(`<h2 id="${anchor}">`)
  })
})
