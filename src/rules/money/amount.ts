import { InputError } from "../input/input-error"

/** The reference: "The minimum amount is $1 USD". Amounts are in cents. */
export const MINIMUM_CHARGE_CENTS = 100

/** The reference: currency "Only allowed currency is usd". */
export const GATEWAY_CURRENCY = "usd"

/**
 * A charge amount: an integer number of cents of at least 100. Never rounds:
 * 1999.5 cents is an error, not $20.00.
 */
export function assertChargeAmount(amount: unknown, field = "amount"): number {
  if (typeof amount !== "number" || !Number.isSafeInteger(amount)) {
    throw new InputError(field, `must be an integer number of cents, got ${String(amount)}`)
  }
  if (amount < MINIMUM_CHARGE_CENTS) {
    throw new InputError(field, `must be at least ${MINIMUM_CHARGE_CENTS} cents ($1.00), the gateway's minimum; got ${amount}`)
  }
  return amount
}

/** A refund amount: a positive integer of cents that fits in what is left. */
export function assertRefundAmount(amount: unknown, remaining: number, field = "amount"): number {
  if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new InputError(field, `must be a positive integer number of cents, got ${String(amount)}`)
  }
  if (amount > remaining) {
    throw new InputError(field, `${formatUsd(amount)} is more than the ${formatUsd(remaining)} left to refund`)
  }
  return amount
}

/** Only USD: the gateway takes no other currency. */
export function assertGatewayCurrency(currencyCode: unknown, field = "currency_code"): typeof GATEWAY_CURRENCY {
  const code = typeof currencyCode === "string" ? currencyCode.toLowerCase() : ""
  if (code !== GATEWAY_CURRENCY) {
    const shown = typeof currencyCode === "string" && currencyCode ? currencyCode.toUpperCase() : "none"
    throw new InputError(field, `InstantMerchant only accepts USD, and this region's currency is ${shown}`)
  }
  return GATEWAY_CURRENCY
}

/** $12.34 from 1234. For messages only; amounts stay integers everywhere else. */
export function formatUsd(cents: number): string {
  const sign = cents < 0 ? "-" : ""
  const abs = Math.abs(cents)
  return `${sign}$${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}
