import type { Page } from "playwright-core"
import { expect } from "vitest"

/**
 * Ids and internal slugs never show as text: no uuid-like move ids, no
 * indicator ids, no hyphenated commitment or sector ids, no event or error
 * tag names (they stay in URLs and JSON fields).
 */
export const expectNoIdsInText = async (page: Page, baseUrl: string) => {
  const pack = (await (await fetch(`${baseUrl}/api/packs/sybiha-visit-2025`)).json()) as {
    commitments: Array<{ id: string }>
    indicators: Array<{ id: string }>
  }
  const slugs = [
    ...pack.indicators.map((i) => i.id),
    ...pack.commitments.map((c) => c.id).filter((id) => id.includes("-")),
    "smes",
    "in-kind",
  ]
  // biome-ignore lint/performance/useDomNodeTextContent: what a student sees is the rendered text
  const text = await page.evaluate(() => document.body.innerText)
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i)
  expect(text).not.toMatch(
    /\b(ScenarioCreated|InterventionAdded|MoveSubmitted|ShockInjected|RoundClosed|SeatRejoined)\b/,
  )
  expect(text).not.toMatch(/\([A-Z][a-z]+[A-Z][A-Za-z]+\)/)
  for (const slug of slugs) {
    const at = text.search(new RegExp(`(^|[^\\w.-])${slug.replace(".", "\\.")}([^\\w-]|$)`))
    // The failure names the slug and the words around it.
    expect(at === -1 ? "" : `${slug} in “${text.slice(Math.max(0, at - 60), at + 60)}”`).toBe("")
  }
}

/**
 * Plain language on the builder, compare and timeline pages: no formulas or unexplained
 * jargon in captions, counts as whole numbers ("8 facilities", never "8.1 facilities").
 */
export const expectPlainText = async (page: Page, baseUrl: string) => {
  await expectNoIdsInText(page, baseUrl)
  // biome-ignore lint/performance/useDomNodeTextContent: what a student sees is the rendered text
  const text = await page.evaluate(() => document.body.innerText)
  expect(text).not.toMatch(/exp\(|Σ|\(Kiel: |10th–90th|the one whose/)
  expect(text).not.toMatch(/\d\.\d+\s(facilities|firms|count|packages|consultations)\b/)
  expect(text).not.toMatch(/\bcoverage 0\.\d/)
}
