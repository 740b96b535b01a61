import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { getPack } from "../src/packs/built-in-packs.js"

// The article as published, copied byte for byte from the seed; quotes must be substrings of it.
const article = readFileSync(new URL("../src/packs/sybiha-visit-2025.article.txt", import.meta.url), "utf8")

describe("sybiha-visit-2025 quotes", () => {
  const pack = getPack("sybiha-visit-2025")

  it("quotes the article verbatim for every commitment it mentions; the others come from Japan's readout", () => {
    expect(pack?.commitments.length).toBe(19)
    for (const commitment of pack?.commitments ?? []) {
      const quote = commitment.source.quote
      if (quote === undefined) {
        expect(
          commitment.source.facts.some((f) => f.url.startsWith("https://www.mofa.go.jp/")),
          commitment.id,
        ).toBe(true)
        continue
      }
      expect(article.includes(quote), `${commitment.id}: ${quote}`).toBe(true)
    }
  })

  it("names the article it quotes", () => {
    expect(article.startsWith(pack?.article.title ?? "?")).toBe(true)
  })
})
