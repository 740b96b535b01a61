import { type DomainEvent, decodeStoredEvent, toStoredEvent } from "@accord/domain"
import type { EventCodec } from "./event-codec.js"
import type { NewEvent } from "./recorded-event.js"

/** Reads stored events as the domain's events: upcast through the domain's registry, then decoded. */
export const domainEventCodec: EventCodec<DomainEvent> = { decode: (raw) => decodeStoredEvent(raw) }

/** A domain event in the form `append` takes (type and schema version in columns, fields as data). */
export const newDomainEvent = (event: DomainEvent, eventId: string, metadata?: unknown): NewEvent => ({
  eventId,
  ...toStoredEvent(event),
  ...(metadata === undefined ? {} : { metadata }),
})
