import { InputError } from "../rules/input/input-error"

/** The address shape the gateway's charge and customer endpoints take. */
export interface GatewayAddress {
  name: string
  address: string
  city: string
  zip: string
  /** 2-letter state code. */
  state: string
  /** 2-letter country code. */
  country: string
}

/** The parts of a Medusa address this needs; structurally typed to keep the core Medusa-free. */
export interface AddressLike {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  postal_code?: string | null
  province?: string | null
  country_code?: string | null
}

const US_STATES: Record<string, string> = {
  alabama: "AL", alaska: "AK", arizona: "AZ", arkansas: "AR", california: "CA", colorado: "CO",
  connecticut: "CT", delaware: "DE", "district of columbia": "DC", florida: "FL", georgia: "GA",
  hawaii: "HI", idaho: "ID", illinois: "IL", indiana: "IN", iowa: "IA", kansas: "KS", kentucky: "KY",
  louisiana: "LA", maine: "ME", maryland: "MD", massachusetts: "MA", michigan: "MI", minnesota: "MN",
  mississippi: "MS", missouri: "MO", montana: "MT", nebraska: "NE", nevada: "NV", "new hampshire": "NH",
  "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND",
  ohio: "OH", oklahoma: "OK", oregon: "OR", pennsylvania: "PA", "rhode island": "RI",
  "south carolina": "SC", "south dakota": "SD", tennessee: "TN", texas: "TX", utah: "UT", vermont: "VT",
  virginia: "VA", washington: "WA", "west virginia": "WV", wisconsin: "WI", wyoming: "WY",
  "puerto rico": "PR", guam: "GU", "virgin islands": "VI",
}

/**
 * Maps a Medusa address to the gateway's fields. The gateway requires every
 * one of them, and a 2-letter state: "Tennessee" becomes "TN", and a state we
 * cannot shorten is refused here, naming the field, rather than at the gateway.
 */
export function gatewayAddressFrom(address: AddressLike | null | undefined, field = "billing_address"): GatewayAddress {
  if (!address) throw new InputError(field, "is required: InstantMerchant needs the cardholder's address")
  const name = [address.first_name, address.last_name].map((s) => (s ?? "").trim()).filter(Boolean).join(" ")
  const line = [address.address_1, address.address_2].map((s) => (s ?? "").trim()).filter(Boolean).join(", ")
  const city = (address.city ?? "").trim()
  const zip = (address.postal_code ?? "").trim()
  const country = (address.country_code ?? "").trim().toUpperCase()
  if (!name) throw new InputError(`${field}.first_name`, "is required")
  // address_2 alone ("Apt 2") is not an address.
  if (!(address.address_1 ?? "").trim()) throw new InputError(`${field}.address_1`, "is required")
  if (!city) throw new InputError(`${field}.city`, "is required")
  if (!zip) throw new InputError(`${field}.postal_code`, "is required")
  if (!/^[A-Z]{2}$/.test(country)) throw new InputError(`${field}.country_code`, "must be a 2-letter country code")
  const state = stateCode(address.province, `${field}.province`)
  return { name, address: line, city, zip, state, country }
}

function stateCode(province: string | null | undefined, field: string): string {
  const raw = (province ?? "").trim()
  if (!raw) throw new InputError(field, "is required: a 2-letter state code such as TN")
  if (/^[A-Za-z]{2}$/.test(raw)) return raw.toUpperCase()
  const code = US_STATES[raw.toLowerCase()]
  if (!code) throw new InputError(field, `must be a 2-letter state code such as TN, got "${raw}"`)
  return code
}
