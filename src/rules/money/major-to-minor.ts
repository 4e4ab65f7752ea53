import { InputError } from "../input/input-error"

/**
 * An amount in major units as Medusa 2.x hands it to a payment provider: a
 * number (`37.02`), a decimal string (`"37.02"`), a raw BigNumber
 * (`{ value: "1.25", precision: 20 }`), or a BigNumber object (Medusa's own,
 * whose `raw` is such a value, or bignumber.js, whose `toFixed()` is exact).
 * Structurally typed, so the core needs no Medusa import.
 */
export type MajorAmount =
  | number
  | string
  | { value: string | number; precision?: number }
  | { raw: { value: string | number } }
  | { toFixed(): string }

/**
 * Digits after the decimal point of each currency's minor unit (ISO 4217).
 * Currencies not listed here have two. The zero- and three-decimal ones are
 * the ones a "multiply by 100" conversion gets wrong: 100× too much for yen,
 * a tenth for dinars.
 */
const EXPONENTS: Record<string, number> = {
  bif: 0, clp: 0, djf: 0, gnf: 0, isk: 0, jpy: 0, kmf: 0, krw: 0, pyg: 0, rwf: 0,
  ugx: 0, uyi: 0, vnd: 0, vuv: 0, xaf: 0, xof: 0, xpf: 0,
  bhd: 3, iqd: 3, jod: 3, kwd: 3, lyd: 3, omr: 3, tnd: 3,
  clf: 4, uyw: 4,
}

/** How many decimals the currency's minor unit has: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyExponent(currencyCode: string, field = "currency_code"): number {
  const code = typeof currencyCode === "string" ? currencyCode.trim().toLowerCase() : ""
  if (!/^[a-z]{3}$/.test(code)) throw new InputError(field, `must be a 3-letter ISO 4217 currency code, got ${JSON.stringify(currencyCode)}`)
  return EXPONENTS[code] ?? 2
}

/** Sign, integer digits, fraction digits, exponent: the whole grammar of a decimal we accept. */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/

/**
 * Converts an amount in major units to an integer number of minor units
 * (cents for USD), exactly: `37.02` USD is 3702, `"1.25"` is 125, `1500` JPY
 * is 1500. It works on the decimal digits, never through floating-point
 * arithmetic (`37.02 * 100` is 3701.9999999999995, which `parseInt` turns
 * into a lost cent), and refuses what is not a whole minor unit (`19.999`,
 * `0.1 + 0.2`), a negative amount, and anything beyond a safe integer,
 * rather than rounding it.
 */
export function majorToMinor(amount: MajorAmount | unknown, currencyCode: string, field = "amount"): number {
  const exponent = currencyExponent(currencyCode)
  const text = decimalText(amount, field)
  const match = DECIMAL.exec(text)
  const [, sign = "", whole = "", fraction = "", exp = "0"] = match ?? []
  if (!match || whole + fraction === "") throw new InputError(field, `must be a decimal amount such as 37.02, got ${JSON.stringify(text)}`)
  const digits = (whole + fraction).replace(/^0+(?=\d)/, "")
  // How many of `digits` sit after the decimal point.
  const scale = fraction.length - Number(exp)
  let minor: string
  if (scale <= exponent) {
    minor = digits + "0".repeat(exponent - scale)
  } else {
    const cut = scale - exponent
    const dropped = digits.length > cut ? digits.slice(-cut) : digits
    if (/[1-9]/.test(dropped)) {
      throw new InputError(field, `${text} ${currencyCode.toUpperCase()} is not a whole number of the currency's minor unit (${exponent} decimals); refusing rather than rounding`)
    }
    minor = digits.length > cut ? digits.slice(0, -cut) : "0"
  }
  const value = BigInt(minor)
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new InputError(field, `${text} is too large an amount`)
  if (sign === "-" && value !== 0n) throw new InputError(field, `must not be negative, got ${text}`)
  return Number(value)
}

/** The amount's exact decimal text. A number's `String()` is the shortest text that reads back as the same double. */
function decimalText(amount: unknown, field: string): string {
  if (typeof amount === "number") {
    if (!Number.isFinite(amount)) throw new InputError(field, `must be a finite amount, got ${String(amount)}`)
    return String(amount)
  }
  if (typeof amount === "string") return amount.trim()
  if (amount && typeof amount === "object") {
    const o = amount as Record<string, unknown>
    if (o.raw && typeof o.raw === "object" && "value" in (o.raw as object)) return decimalText((o.raw as { value: unknown }).value, field)
    if ("value" in o) return decimalText(o.value, field)
    if (typeof o.toFixed === "function") return decimalText((o.toFixed as () => unknown)(), field)
  }
  throw new InputError(field, `must be an amount (a number, a decimal string or a BigNumber), got ${amount === null ? "null" : typeof amount}`)
}
