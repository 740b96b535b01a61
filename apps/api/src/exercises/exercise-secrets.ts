import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from "node:crypto"

/** A bearer token: 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString("base64url")

// No 0/O, 1/I/L: codes are read off a projector, read aloud and typed by students.
const JOIN_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

const randomCode = (length: number): string => {
  let code = ""
  for (let i = 0; i < length; i++) code += JOIN_ALPHABET[randomInt(JOIN_ALPHABET.length)]
  return code
}

/**
 * An exercise id a teacher can read aloud: 12 characters without look-alikes
 * (≈ 59 bits), shown as XXXX-XXXX-XXXX. It names the exercise; the join codes
 * and tokens are what guard it.
 */
export const newExerciseId = (): string => {
  const code = randomCode(12)
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`
}

const READABLE_ID = new RegExp(`^[${JOIN_ALPHABET}]{12}$`)

/**
 * An exercise id as typed, normalized: a readable id in any case, with or
 * without separators, becomes XXXX-XXXX-XXXX; any other id (the 16-character
 * ids of exercises made before readable ids) is kept as it is.
 */
export const normalizeExerciseId = (typed: string): string => {
  const trimmed = typed.trim()
  const bare = trimmed.toUpperCase().replace(/[\s-]/g, "")
  return READABLE_ID.test(bare) ? `${bare.slice(0, 4)}-${bare.slice(4, 8)}-${bare.slice(8)}` : trimmed
}

/** A join code students can type: 10 characters (≈ 49 bits), shown as XXXXX-XXXXX; joining is rate-limited. */
export const newJoinCode = (): string => {
  const code = randomCode(10)
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

const sealKey = (exerciseId: string, facilitatorToken: string): Buffer =>
  createHash("sha256").update(`accord-exercise-seal\u0000${exerciseId}\u0000${facilitatorToken}`).digest()

/**
 * The join codes sealed (AES-256-GCM) under a key only the facilitator's token
 * gives: the service stores them without being able to read them, and any
 * device holding the facilitator's token can show the codes, links and QR
 * codes again.
 */
export const sealJoinCodes = (exerciseId: string, facilitatorToken: string, codes: object): string => {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", sealKey(exerciseId, facilitatorToken), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(codes), "utf8"), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")
}

/** The join codes sealed by sealJoinCodes, or undefined when the token does not open them. */
export const openJoinCodes = (
  exerciseId: string,
  facilitatorToken: string,
  sealed: string,
): Record<string, string> | undefined => {
  try {
    const bytes = Buffer.from(sealed, "base64url")
    const decipher = createDecipheriv(
      "aes-256-gcm",
      sealKey(exerciseId, facilitatorToken),
      bytes.subarray(0, 12),
    )
    decipher.setAuthTag(bytes.subarray(12, 28))
    const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8")
    return JSON.parse(text) as Record<string, string>
  } catch {
    return undefined
  }
}
