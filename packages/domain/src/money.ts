import { Schema } from "effect"

export const Currency = Schema.Literal("USD", "JPY", "EUR").annotations({ identifier: "Currency" })
export type Currency = typeof Currency.Type

/** An amount as its source gave it, kept beside the USD figure the model uses. */
export const OriginalAmount = Schema.Struct({
  currency: Currency,
  amount: Schema.Number.pipe(Schema.nonNegative()),
  /** How the conversion to USD was made, e.g. "JPY 471.9 bn at ~157 JPY/USD (source's own figure)". */
  conversion: Schema.optional(Schema.String),
}).annotations({ identifier: "OriginalAmount" })
export type OriginalAmount = typeof OriginalAmount.Type

/** Money in USD millions, the model's one unit for funds. */
export const UsdMillions = Schema.Number.pipe(
  Schema.finite(),
  Schema.nonNegative(),
  Schema.brand("UsdMillions"),
  Schema.annotations({ identifier: "UsdMillions" }),
)
export type UsdMillions = typeof UsdMillions.Type

export const Money = Schema.Struct({
  usdM: UsdMillions,
  original: Schema.optional(OriginalAmount),
}).annotations({ identifier: "Money" })
export type Money = typeof Money.Type
