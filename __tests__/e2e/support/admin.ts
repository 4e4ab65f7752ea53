import { MedusaRest } from "../../../src/demo/stack/medusa-rest"
import { e2e } from "./e2e-env"

/** The shop admin on Medusa's admin API, signed in as the seeded admin. */
export function admin(): MedusaRest {
  const api = new MedusaRest(e2e.medusaUrl)
  api.headers.authorization = `Bearer ${e2e.seed.adminToken}`
  return api
}
