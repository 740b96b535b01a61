import { formatWithUnit } from "@accord/domain/facts"
import type { ObservationInput } from "../api.js"

/** Observations of one indicator under its chart: date, value, confidence and source (the points' "tooltip"). */
export const ObservationList = ({
  observations,
  unit,
}: {
  readonly observations: ReadonlyArray<ObservationInput>
  readonly unit: string
}) =>
  observations.length === 0 ? null : (
    <ul className="observation-list" aria-label="Observed since the visit">
      {observations.map((o) => (
        <li key={o.id} data-observation={o.id}>
          <span className="key key-observed" aria-hidden="true" /> Observed {o.date}:{" "}
          <strong>{o.value === undefined ? "–" : formatWithUnit(o.value, unit)}</strong> (confidence{" "}
          {o.confidence}
          {o.source ? (
            <>
              , <a href={o.source}>source</a>
            </>
          ) : (
            ", no source: a search that found nothing"
          )}
          )
        </li>
      ))}
    </ul>
  )

/** The observations of a pack that give a value of this indicator. */
export const observationsOf = (
  observations: ReadonlyArray<ObservationInput>,
  indicatorId: string,
): ReadonlyArray<ObservationInput> =>
  observations.filter(
    (o) => "indicator" in o.about && o.about.indicator === indicatorId && o.value !== undefined,
  )
