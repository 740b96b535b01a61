import { renderToStaticMarkup } from "react-dom/server"
import LifecycleDiagram from "./lifecycle-diagram.js"

// The app styles the diagram from styles.css; a standalone SVG carries the same look inline.
const standaloneStyle = `
  .state-discussed { --state: #7a6f5a; } .state-proposed { --state: #5b6b7c; } .state-agreed { --state: #1f5f99; }
  .state-implemented { --state: #1d7a4a; } .state-stalled { --state: #a86500; } .state-withdrawn { --state: #a23b3b; }
  .node-box { fill: #fff; stroke: var(--state); stroke-width: 3; }
  .node-inner { stroke: var(--state); stroke-width: 1.5; }
  .node-label { font: 600 17px system-ui, sans-serif; fill: #17212b; }
  .edge-label { font: 14px system-ui, sans-serif; fill: #3f4b57; paint-order: stroke; stroke: #fff; stroke-width: 4px; }
`

/**
 * The lifecycle diagram the app draws from the XState machine, as a standalone SVG
 * (for the model card page and docs/lifecycle.svg), so the card cannot drift from the model.
 */
export const lifecycleSvg = (): string => {
  const markup = renderToStaticMarkup(<LifecycleDiagram />)
  const svg = markup.slice(markup.indexOf("<svg"), markup.indexOf("</svg>") + "</svg>".length)
  return `${svg
    .replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ')
    .replace(/aria-labelledby="[^"]*"/, 'aria-label="Lifecycle of a commitment"')
    .replace("<defs>", `<style>${standaloneStyle}</style><defs>`)}\n`
}
