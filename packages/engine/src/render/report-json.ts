/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace,
 * numbers in JavaScript's shortest round-trip form, undefined fields dropped.
 * Same value ⇒ same bytes, whichever order the fields were built in.
 */
export const toCanonicalJson = (value: unknown): string => {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value)
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`canonical JSON has no form for ${value}`)
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((item) => toCanonicalJson(item ?? null)).join(",")}]`
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toCanonicalJson(v)}`).join(",")}}`
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`)
}
