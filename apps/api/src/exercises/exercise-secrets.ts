import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto"

/** A bearer token: 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString("base64url")

/** An exercise id: 96 random bits, URL-safe. */
export const newExerciseId = (): string => randomBytes(12).toString("base64url")

// No 0/O, 1/I/L: codes are read off a projector and typed by students.
const JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

/** A join code students can type: 10 characters (≈ 49 bits), shown as XXXXX-XXXXX; joining is rate-limited. */
export const newJoinCode = (): string => {
  let code = ""
  for (let i = 0; i < 10; i++) code += JOIN_ALPHABET[randomInt(JOIN_ALPHABET.length)]
  return `${code.slice(0, 5)}-${code.slice(5)}`
}

/** A join code as typed, normalized (case and separators do not matter). */
export const normalizeJoinCode = (code: string): string => {
  const bare = code.toUpperCase().replace(/[^A-Z0-9]/g, "")
  return `${bare.slice(0, 5)}-${bare.slice(5)}`
}

/**
 * SHA-256 of a secret bound to its exercise and purpose: the stored hash of
 * one exercise's token can never match a token presented to another exercise.
 */
export const hashSecret = (exerciseId: string, purpose: "token" | "join", secret: string): string =>
  createHash("sha256")
    .update(`accord-exercise\u0000${exerciseId}\u0000${purpose}\u0000${secret}`)
    .digest("hex")

/** Compares two hex hashes in constant time. */
export const sameHash = (a: string, b: string): boolean => {
  const x = Buffer.from(a, "hex")
  const y = Buffer.from(b, "hex")
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y)
}

/**
 * Which of `candidates` the hash matches, comparing against every one of them
 * (no early exit, so timing does not tell how far the search went).
 */
export const matchHash = <K>(
  hash: string,
  candidates: ReadonlyArray<readonly [K, string]>,
): K | undefined => {
  let found: K | undefined
  for (const [key, candidate] of candidates) {
    if (sameHash(hash, candidate) && found === undefined) found = key
  }
  return found
}
