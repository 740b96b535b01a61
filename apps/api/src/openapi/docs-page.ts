type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }
type JsonObject = { readonly [key: string]: Json }

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  )

const asObject = (value: Json | undefined): JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : {}

const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1)

/** A one-line type for a schema: a link for a reference, the type (or union) otherwise. */
const typeLabel = (schema: JsonObject): string => {
  const ref = schema.$ref
  if (typeof ref === "string")
    return `<a href="#schema-${escapeHtml(refName(ref))}">${escapeHtml(refName(ref))}</a>`
  const anyOf = schema.anyOf
  if (Array.isArray(anyOf)) return anyOf.map((s) => typeLabel(asObject(s))).join(" | ")
  const enumValues = schema.enum
  if (Array.isArray(enumValues))
    return enumValues.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(" | ")
  if (typeof schema.type === "string") {
    if (schema.type === "array") return `${typeLabel(asObject(schema.items))}[]`
    return escapeHtml(schema.type)
  }
  return "any"
}

const pretty = (value: Json) => `<pre><code>${escapeHtml(JSON.stringify(value, null, 2))}</code></pre>`

const renderOperation = (method: string, path: string, op: JsonObject): string => {
  const params = Array.isArray(op.parameters) ? op.parameters.map(asObject) : []
  const paramRows = params
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${typeLabel(asObject(p.schema))}</td><td>${escapeHtml(String(p.description ?? ""))}</td></tr>`,
    )
    .join("")
  const body = asObject(asObject(asObject(asObject(op.requestBody).content)["application/json"]).schema)
  const responses = Object.entries(asObject(op.responses))
    .map(([status, r]) => {
      const response = asObject(r)
      const types = Object.keys(asObject(response.content))
      return `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(String(response.description ?? ""))}${types.length > 0 ? ` <small>(${types.map(escapeHtml).join(", ")})</small>` : ""}</li>`
    })
    .join("")
  const id = String(op.operationId ?? `${method}-${path}`)
  return `<section class="op" id="${escapeHtml(id)}">
<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(String(op.summary ?? ""))}</p>
${op.description === undefined ? "" : `<p>${escapeHtml(String(op.description))}</p>`}
${params.length > 0 ? `<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>meaning</th></tr></thead><tbody>${paramRows}</tbody></table>` : ""}
${Object.keys(body).length > 0 ? `<p>Request body (application/json): ${typeLabel(body)}</p>` : ""}
<ul class="responses">${responses}</ul>
</section>`
}

/** Renders the OpenAPI document as one self-contained HTML page (no scripts, no external assets). */
export const renderDocsPage = (document: JsonObject): string => {
  const info = asObject(document.info)
  const byTag = new Map<string, Array<string>>()
  for (const [path, item] of Object.entries(asObject(document.paths))) {
    for (const [method, op] of Object.entries(asObject(item))) {
      const operation = asObject(op)
      const tag = Array.isArray(operation.tags) ? String(operation.tags[0]) : "other"
      const list = byTag.get(tag) ?? []
      list.push(renderOperation(method, path, operation))
      byTag.set(tag, list)
    }
  }
  const schemas = Object.entries(asObject(asObject(document.components).schemas))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, schema]) =>
        `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${pretty(schema)}</section>`,
    )
    .join("\n")
  const toc = [...byTag.keys()]
    .map((tag) => `<a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a>`)
    .join(" · ")
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info.title ?? "API"))} reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
code,pre{font:13px/1.4 ui-monospace,monospace}pre{background:#f5f5f5;padding:.75rem;overflow:auto;max-height:24rem}
.op{border-top:1px solid #ddd;padding:.5rem 0}.method{display:inline-block;min-width:4rem;text-align:center;border-radius:4px;color:#fff;padding:0 .4rem}
.get{background:#1f6feb}.post{background:#1a7f37}.delete{background:#cf222e}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
</style>
</head>
<body>
<h1>${escapeHtml(String(info.title ?? "API"))} <small>${escapeHtml(String(info.version ?? ""))}</small></h1>
<p>${escapeHtml(String(info.description ?? ""))}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are JSON <code>{ "error", "message", "issues": [{ "path", "message" }] }</code>.</p>
<nav>${toc} · <a href="#schemas">schemas</a></nav>
${[...byTag.entries()].map(([tag, ops]) => `<h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>\n${ops.join("\n")}`).join("\n")}
<h2 id="schemas">Schemas</h2>
${schemas}
</body>
</html>`
}
