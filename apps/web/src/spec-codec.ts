import type { SpecInput } from "./api.js"

/** Defaults the contract fills in; the builder starts from them. */
export const defaultSpec = (pack: string): SpecInput => ({
  pack,
  horizonMonths: 24,
  runs: 1000,
  seed: 1,
  interventions: [],
})

/** The same spec without interventions: what every scenario is drawn against. */
export const baselineOf = (spec: SpecInput): SpecInput => ({
  pack: spec.pack,
  horizonMonths: spec.horizonMonths,
  runs: spec.runs,
  seed: spec.seed,
  interventions: [],
  ...(spec.assumptions ? { assumptions: spec.assumptions } : {}),
  ...(spec.asOf ? { asOf: spec.asOf } : {}),
})

const toBase64Url = (text: string): string => {
  const bytes = new TextEncoder().encode(text)
  let binary = ""
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
}

const fromBase64Url = (encoded: string): string => {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"))
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
}

/** Encodes a spec for a URL; the JSON keeps key order so equal specs give equal URLs. */
export const encodeSpec = (spec: SpecInput): string => toBase64Url(JSON.stringify(spec))

/**
 * Decodes a spec from a URL parameter. Only the shape the builder needs is
 * checked here; the API validates everything else and says what is wrong.
 */
export const decodeSpec = (encoded: string): SpecInput | undefined => {
  try {
    const value = JSON.parse(fromBase64Url(encoded)) as Partial<SpecInput>
    if (typeof value !== "object" || value === null || typeof value.pack !== "string") return undefined
    return {
      ...defaultSpec(value.pack),
      ...value,
      interventions: Array.isArray(value.interventions) ? value.interventions : [],
    } as SpecInput
  } catch {
    return undefined
  }
}

/** Stable key of a spec, for caches and stale-response checks. */
export const specKey = (spec: SpecInput): string => JSON.stringify(spec)
