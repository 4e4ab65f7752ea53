import { invalidParam, unknownResource } from "../sandbox-error"
import { takeCustomerId, type CustomerRecord, type EnvironmentState } from "../store/state"

export type NewCustomer = Omit<CustomerRecord, "customer_id" | "created_at">

export function findCustomer(env: EnvironmentState, customerId: number, param = "customer"): CustomerRecord {
  const customer = env.customers.get(customerId)
  if (!customer) throw unknownResource(param, customerId, "customer")
  return customer
}

/** Reference: "username [required] | Unique username". Compared case-insensitively. */
export function isUsernameTaken(env: EnvironmentState, username: string): boolean {
  return env.usernames.find(username.toLowerCase()).length > 0
}

export function addCustomer(env: EnvironmentState, input: NewCustomer, now: number): CustomerRecord {
  if (isUsernameTaken(env, input.username)) throw invalidParam("username", `'${input.username}' is already taken`)
  const customer: CustomerRecord = { customer_id: takeCustomerId(env), ...input, created_at: now }
  env.customers.add(customer)
  return customer
}

/**
 * `create_customer=true` has no username field, so one is derived from the
 * email's local part plus a suffix, made unique within the environment.
 */
export function deriveUsername(env: EnvironmentState, email: string): string {
  const local = email.split("@")[0].replace(/[^A-Za-z0-9._-]/g, "") || "customer"
  let suffix = env.next_customer_id
  while (isUsernameTaken(env, `${local}_${suffix}`)) suffix++
  return `${local}_${suffix}`
}
