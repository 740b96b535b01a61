import { currentEventVersions, type DomainEventType, isDomainEventType } from "./domain-event.js"

/**
 * An event as the store keeps it: type and schema version in columns, the
 * encoded event as JSON `data` (which repeats `_tag` and `v`, see toStoredEvent).
 */
export interface RawEvent {
  readonly type: string
  readonly v: number
  readonly data: unknown
}

/** Lifts the data of one event type from version `from` to `from + 1`. */
export interface Upcaster {
  readonly type: DomainEventType
  readonly from: number
  /** Why the schema changed, for the reader of the history. */
  readonly why: string
  readonly up: (data: Readonly<Record<string, unknown>>) => Record<string, unknown>
}

/** Upcasters keyed by (event type, version they lift from). */
export interface UpcasterRegistry {
  readonly get: (type: string, from: number) => Upcaster | undefined
  readonly all: ReadonlyArray<Upcaster>
}

const key = (type: string, from: number) => `${type}@${from}`

/** Builds a registry; two upcasters for one (type, version), or one lifting past the current version, are bugs. */
export const makeUpcasterRegistry = (upcasters: ReadonlyArray<Upcaster>): UpcasterRegistry => {
  const byKey = new Map<string, Upcaster>()
  for (const upcaster of upcasters) {
    const k = key(upcaster.type, upcaster.from)
    if (byKey.has(k)) throw new Error(`two upcasters for ${k}`)
    if (upcaster.from >= currentEventVersions[upcaster.type]) {
      throw new Error(`upcaster ${k} lifts past the current version ${currentEventVersions[upcaster.type]}`)
    }
    byKey.set(k, upcaster)
  }
  return { get: (type, from) => byKey.get(key(type, from)), all: upcasters }
}

/**
 * InterventionAdded v1 → v2. Until v2 an aid package's amount was `amountUsd`,
 * in US dollars; the model's one unit for funds is USD millions, so v2 carries
 * `amountUsdM`. Other intervention types did not change.
 */
export const interventionAddedV1ToV2: Upcaster = {
  type: "InterventionAdded",
  from: 1,
  why: "aid-package amounts moved from amountUsd (USD) to amountUsdM (USD millions)",
  up: (data) => {
    const intervention = data.intervention
    if (!isRecord(intervention) || intervention.type !== "aid-package" || !("amountUsd" in intervention)) {
      return { ...data }
    }
    const { amountUsd, ...rest } = intervention
    // A malformed amount is passed through unchanged so that decoding reports it.
    const amountUsdM = typeof amountUsd === "number" ? amountUsd / 1_000_000 : amountUsd
    return { ...data, intervention: { ...rest, amountUsdM } }
  },
}

/** The domain's upcasters, every historical schema change in one list. */
export const upcasterRegistry: UpcasterRegistry = makeUpcasterRegistry([interventionAddedV1ToV2])

/**
 * Lifts a stored event step by step to its type's current version, keeping any
 * other fields of `raw` (metadata, positions). The data's own `_tag` and `v`
 * (toStoredEvent writes them) follow the new version, so `data` decodes with
 * `DomainEvent` directly. Total: an unknown type, a version from the future or
 * a missing step leaves the event where it got to, and decoding then reports it.
 */
export const upcastEvent = <R extends RawEvent>(raw: R, registry: UpcasterRegistry = upcasterRegistry): R => {
  if (!isDomainEventType(raw.type)) return raw
  const target = currentEventVersions[raw.type]
  let current = raw
  while (current.v < target) {
    const upcaster = registry.get(current.type, current.v)
    if (upcaster === undefined || !isRecord(current.data)) return current
    const v = current.v + 1
    current = { ...current, v, data: { ...upcaster.up(current.data), _tag: current.type, v } }
  }
  return current
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)
