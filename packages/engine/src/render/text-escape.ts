/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c)

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
}

/**
 * Escapes text for inline Markdown (paragraphs and table cells): one line, no
 * emphasis, links, code or raw HTML can be smuggled in through a name.
 */
export const escapeMarkdown = (text: string): string =>
  oneLine(text)
    .replace(/[\\`*[\]|~#]/g, (c) => `\\${c}`)
    // An underscore between letters or digits cannot start emphasis (snake_case ids stay readable).
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c] ?? c)

/** Folds line breaks (and other control characters) into single spaces. */
export const oneLine = (text: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what we strip
  text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim()

/** A number as String() writes it: stays a number in a spreadsheet, even with a leading minus. */
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i

/**
 * One CSV field: text that a spreadsheet would run as a formula (a leading = + - @, tab or carriage return,
 * other than a plain number) gets a leading apostrophe (OWASP's advice; names and move texts come from users),
 * then quotes as RFC 4180 asks: only when needed, with doubled quotes inside.
 */
export const csvField = (text: string): string => {
  const safe = /^[=+\-@\t\r]/.test(text) && !NUMBER.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Joins fields into CSV records with CRLF line ends (RFC 4180), ending with one. */
export const csvRecords = (rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("")

/** A link target that is a web address or a relative path; anything else (javascript:, data:) becomes "#". */
export const safeHref = (target: string): string => {
  const trimmed = target.trim()
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed)
  return scheme === null || /^https?$/i.test(scheme[1] as string) ? trimmed : "#"
}
