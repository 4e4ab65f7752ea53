import type { SeededStore } from "../../../src/demo/medusa-v2/v2-store"

/** The admin user the global setup creates. */
export const V2_ADMIN = { email: "v2-admin@example.com", password: "v2-admin-password" }

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run the 2.x suite with \`npm run test:v2\`, whose global setup starts the store`)
  return value
}

/** Where the running 2.x store, its database and the sandbox are (set by the global setup). */
export const v2 = {
  get medusaUrl() {
    return required("V2_MEDUSA_URL")
  },
  get sandboxUrl() {
    return required("V2_SANDBOX_URL")
  },
  get databaseUrl() {
    return required("V2_DATABASE_URL")
  },
  get medusaLog() {
    return required("V2_MEDUSA_LOG")
  },
  get seeded(): SeededStore {
    return JSON.parse(required("V2_SEED")) as SeededStore
  },
}
