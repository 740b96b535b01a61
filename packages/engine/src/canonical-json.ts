import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js"

/** Where a value sits, built into a string only for an error message (not for every value encoded). */
interface Where {
  readonly parent: Where | null
  readonly key: string | number
}

const pathOf = (where: Where | null): string => {
  const keys: Array<string | number> = []
  for (let w = where; w !== null; w = w.parent) keys.unshift(w.key)
  return keys.length === 0 ? "(root)" : keys.map((k) => `.${k}`).join("")
}

const canonical = (value: unknown, where: Where | null): string => {
  if (value === null) return "null"
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${pathOf(where)}`)
      return JSON.stringify(value)
    case "string":
    case "boolean":
      return JSON.stringify(value)
    case "object": {
      if (Array.isArray(value))
        return `[${value.map((v, i) => canonical(v ?? null, { parent: where, key: i })).join(",")}]`
      const entries = Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map(
          (k) =>
            `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], { parent: where, key: k })}`,
        )
      return `{${entries.join(",")}}`
    }
    default:
      throw new TypeError(`canonicalJson: cannot encode ${typeof value} at ${pathOf(where)}`)
  }
}

/** JSON with sorted keys and no whitespace, so equal values always give equal bytes (undefined fields omitted). */
export const canonicalJson = (value: unknown): string => canonical(value, null)

/** SHA-256 (hex) of a value's canonical JSON; runs in Node and in the browser. */
export const sha256Hex = (value: unknown): string => bytesToHex(sha256(utf8ToBytes(canonicalJson(value))))

/** The hash of a report or comparison: SHA-256 of the canonical JSON of every field except `hash`. */
export const reportHash = (body: { readonly [key: string]: unknown }): string => {
  const { hash: _ignored, ...rest } = body
  return sha256Hex(rest)
}
