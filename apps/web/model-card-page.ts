import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import MarkdownIt from "markdown-it"
import type { Plugin } from "vite"

/** Where the web app links the model card from every results view. */
export const MODEL_CARD_PAGE = "model-card.html"

const page = (body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Accord model card</title>
<style>
  body { font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #17212b; background: #f6f5f1; margin: 0; }
  main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1.5rem 3rem; background: #fff; min-height: 100vh; }
  a { color: #1f5f99; }
  blockquote { margin: 1rem 0; padding: 0.5rem 1rem; background: #fff8e6; border-left: 4px solid #8a6d1a; }
  table { border-collapse: collapse; width: 100%; font-size: 0.92rem; margin: 1rem 0; display: block; overflow-x: auto; }
  th, td { border: 1px solid #d5d8dc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
  th { background: #f0f1f3; }
  code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; background: #f0f1f3; padding: 0 0.2em; border-radius: 3px; }
  pre { background: #f0f1f3; padding: 0.75rem; overflow-x: auto; }
  pre code { background: none; padding: 0; }
  figure.diagram { margin: 1rem 0; }
  figure.diagram svg { width: 100%; height: auto; display: block; }
</style>
</head>
<body><main>
<p><a href="/">← Back to Accord</a></p>
${body}
</main></body>
</html>
`

/** A heading's anchor, e.g. "Lifecycle and hazards" → "lifecycle-and-hazards" (what the app links to). */
export const headingId = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s+/g, "-")

/**
 * The model card as HTML: headings get anchors (the charts' "How is this computed?" links
 * land on them) and the lifecycle's mermaid block becomes the diagram drawn from the machine
 * (docs/lifecycle.svg), not raw diagram code.
 */
export const renderModelCard = (markdown: string, lifecycleSvg: string | undefined): string => {
  const md = new MarkdownIt({ html: false, linkify: true })
  md.core.ruler.push("heading_ids", (state) => {
    state.tokens.forEach((token, i) => {
      const inline = state.tokens[i + 1]
      if (token.type === "heading_open" && inline) token.attrSet("id", headingId(inline.content))
    })
  })
  const fence = md.renderer.rules.fence
  md.renderer.rules.fence = (tokens, idx, options, env, self) =>
    tokens[idx]?.info.trim() === "mermaid" && lifecycleSvg
      ? `<figure class="diagram">${lifecycleSvg}</figure>\n`
      : (fence?.(tokens, idx, options, env, self) ?? "")
  return md.render(markdown)
}

/**
 * Renders docs/model.md into the build as a page, so that the one-line
 * disclaimer on every results view links to the model card the service serves.
 */
export const modelCardPage = (modelCard: string): Plugin => ({
  name: "accord-model-card-page",
  apply: "build",
  generateBundle() {
    const markdown = existsSync(modelCard)
      ? readFileSync(modelCard, "utf8")
      : "# Accord model card\n\nThe model card lives in `docs/model.md` of the Accord repository."
    const svgPath = join(dirname(modelCard), "lifecycle.svg")
    const html = renderModelCard(markdown, existsSync(svgPath) ? readFileSync(svgPath, "utf8") : undefined)
    this.emitFile({ type: "asset", fileName: MODEL_CARD_PAGE, source: page(html) })
  },
})

export const defaultModelCard = join(import.meta.dirname, "..", "..", "docs", "model.md")
