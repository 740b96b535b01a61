import type { HandoutHeader, ScenarioInWords } from "./report-outline.js"
import { escapeHtml, safeHref } from "./text-escape.js"

/** Print-friendly, self-contained styles: no web fonts, no external assets. */
const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.4rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
.disclaimer { border-left: 4px solid #b45309; background: #fffbeb; padding: 0.5rem 0.8rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; }
td.num, th.num { text-align: right; white-space: nowrap; }
th[scope="row"] { text-align: left; font-weight: 500; }
caption { text-align: left; font-size: 0.9rem; color: #444; padding-bottom: 0.2rem; }
svg.fan-chart { width: 100%; max-width: 40rem; height: auto; display: block; }
.indicator { break-inside: avoid; page-break-inside: avoid; }
.hash { font-family: ui-monospace, monospace; word-break: break-all; }
footer { margin-top: 2rem; font-size: 0.85rem; color: #444; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; }
  details { display: block; }
  details > summary { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
`

/** The whole document around a body: doctype, language, charset, styles (plus a document's own). */
export const htmlDocument = (title: string, body: ReadonlyArray<string>, extraStyle = ""): string =>
  [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}${extraStyle}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...body,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n")

/** Title, disclaimer with the model-card link, facts. */
export const htmlHeader = (header: HandoutHeader): ReadonlyArray<string> => [
  "<header>",
  `<h1>${escapeHtml(header.title)}</h1>`,
  `<p class="disclaimer" role="note"><strong>${escapeHtml(header.disclaimer)}</strong> See the <a href="${escapeHtml(safeHref(header.modelCard))}">model card</a>.</p>`,
  '<dl class="facts">',
  ...header.facts.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`),
  "</dl>",
  "</header>",
]

/** Interventions and assumptions as lists. */
export const htmlScenario = (scenario: ScenarioInWords): ReadonlyArray<string> => [
  "<section>",
  `<h2>${escapeHtml(scenario.heading)}</h2>`,
  "<h3>Interventions</h3>",
  htmlList(scenario.interventions, "none (the pack's commitments only)"),
  "<h3>Assumptions overridden</h3>",
  htmlList(scenario.assumptions, "none (the pack's ranges)"),
  "</section>",
]

const htmlList = (items: ReadonlyArray<string>, empty: string): string =>
  items.length === 0
    ? `<p>${escapeHtml(empty)}</p>`
    : `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`

/** A data table; the first column is a row header, the others numbers. */
export const htmlTable = (
  caption: string,
  headers: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  textColumns = 1,
): string =>
  [
    "<table>",
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${headers.map((h, i) => `<th scope="col"${i < textColumns ? "" : ' class="num"'}>${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...rows.map(
      (row) =>
        `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${i < textColumns ? "" : ' class="num"'}>${escapeHtml(cell)}</td>`)).join("")}</tr>`,
    ),
    "</tbody>",
    "</table>",
  ].join("\n")

/** The closing hash line. */
export const htmlFooter = (hash: string, what: string): ReadonlyArray<string> => [
  "<footer>",
  `<p>${escapeHtml(what)} hash (SHA-256 of the canonical JSON): <span class="hash">${escapeHtml(hash)}</span></p>`,
  "</footer>",
]
