/**
 * `medusa migrations run`, but exiting non-zero when a migration fails: the
 * CLI prints the error and exits 0, which would let a broken schema boot.
 * Runs as a child process: `node run-migrations.js <app dir>`.
 */
import path from "node:path"

const appDir = path.resolve(process.argv[2] ?? ".")
process.chdir(appDir)
// Medusa's migrate command reads its sub-command from argv.
process.argv = [process.argv[0], "medusa", "migrations", "run"]
// eslint-disable-next-line @typescript-eslint/no-var-requires
const migrate = require(require.resolve("@medusajs/medusa/dist/commands/migrate", { paths: [appDir] })).default

Promise.resolve(migrate({ directory: appDir })).then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`migrations failed: ${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  }
)
