import type { SeededStore } from "../../../src/demo/stack/seed-store"

export const E2E_ADMIN = { email: "e2e-admin@example.com", password: "e2e-admin-password" }

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the end-to-end suite through jest, whose global setup starts the store`)
  return value
}

export const e2e = {
  get medusaUrl() {
    return required("E2E_MEDUSA_URL")
  },
  /** A second Medusa instance on the same database and Redis. */
  get secondMedusaUrl() {
    return required("E2E_MEDUSA_URL_2")
  },
  get sandboxUrl() {
    return required("E2E_SANDBOX_URL")
  },
  get storefrontUrl() {
    return required("E2E_STOREFRONT_URL")
  },
  get databaseUrl() {
    return required("E2E_DATABASE_URL")
  },
  get medusaLog() {
    return required("E2E_MEDUSA_LOG")
  },
  /** Both instances' logs. */
  get medusaLogs(): string[] {
    return [required("E2E_MEDUSA_LOG"), required("E2E_MEDUSA_LOG_2")]
  },
  get seed(): SeededStore {
    return JSON.parse(required("E2E_SEED"))
  },
}
