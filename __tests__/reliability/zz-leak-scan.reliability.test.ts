import fs from "node:fs"
import { e2e } from "../e2e/support/e2e-env"
import { withDatabase } from "./support/books"
import { collectedErrors } from "./support/error-answers"
import { readAllFigures, RELIABILITY_ARTIFACTS, writeFigures } from "./support/figures"

/**
 * Last of the suite (files run in path order; "zz-" sorts last): after every
 * fault, race and hostile input above, no card number, no CVC and no API
 * secret may be anywhere the shop or the gateway keeps things: any text or
 * jsonb column of the database, either Medusa instance's log, the sandbox's
 * data file, or any error the suite was shown. Then the suite's figures.
 */
jest.setTimeout(5 * 60_000)

/** Every card number the suite (and the e2e fixtures it reuses) typed in. */
const CARD_NUMBERS = [
  "4242424242424242", "4111111111111111", "5555555555554444", "4000000000000002", "4000000000000069", "4000000000000127",
  "4000000000000119", "4000000000009995", "4000000000000341",
]
const SECRETS = ["im_test_secret", "im_live_secret"]
/**
 * A raw card field kept somewhere: its name with a value, in JSON ("cvc": "123"),
 * a stored parameter list (["cvc","123"]), a form (cvc=123) or a log line.
 * (Error messages name the field, "cvc: must be 3 or 4 digits", without a value.)
 */
const RAW_FIELD = /"(cvc|card_number)"\s*[:,]\s*"?\d|\b(cvc|card_number)=\d|\bcvc:\s*\d/i
const scanned: string[] = []
const hits: string[] = []

function scan(where: string, text: string): void {
  for (const n of CARD_NUMBERS.filter((c) => text.includes(c))) hits.push(`${where}: the card number ending ${n.slice(-4)}`)
  const raw = RAW_FIELD.exec(text)
  if (raw) hits.push(`${where}: a raw card field (${raw[0].replace(/\d/g, "#")})`)
  for (const s of SECRETS) if (text.includes(s)) hits.push(`${where}: the API secret ${s.slice(0, 8)}…`)
}

afterAll(() => {
  writeFigures("5-leaks", { title: "Leaks", lines: [`${hits.length} hits in ${scanned.join(", ")}`, ...hits.slice(0, 20)] })
  const figures = readAllFigures()
  const summary = ["# Reliability suite: figures", "", ...figures.flatMap((f) => [`## ${f.title}`, "", ...f.lines.map((l) => `- ${l}`), ""])].join("\n")
  fs.writeFileSync(`${RELIABILITY_ARTIFACTS}/summary.md`, summary)
  process.stdout.write(`\n${summary}\n(also in ${RELIABILITY_ARTIFACTS}/)\n`)
})

it("no card number, CVC or API secret in any text or jsonb column of the database", async () => {
  const before = hits.length
  const { columns, rows } = await withDatabase(async (db) => {
    const { rows: cols } = await db.query(
      `select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`
    )
    let count = 0
    for (const { table_name, column_name } of cols) {
      const { rows: values } = await db.query(`select "${column_name}"::text as v from "${table_name}" where "${column_name}" is not null`)
      count += values.length
      for (const { v } of values) scan(`${table_name}.${column_name}`, v)
    }
    return { columns: cols.length, rows: count }
  })
  expect(columns).toBeGreaterThan(100)
  // The suite placed hundreds of orders: there is something to scan.
  expect(rows).toBeGreaterThan(1000)
  scanned.push(`${columns} database columns (${rows} values)`)
  expect(hits.slice(before)).toEqual([])
})

it("none in either Medusa instance's log", () => {
  const before = hits.length
  for (const file of e2e.medusaLogs) {
    const log = fs.readFileSync(file, "utf8")
    expect(log.length).toBeGreaterThan(10_000)
    scan(file.split("/").pop()!, log)
  }
  scanned.push("2 Medusa logs")
  expect(hits.slice(before)).toEqual([])
})

// Finding 3: the sandbox's idempotency store kept each request's raw parameters, card number and CVC included.
it("none in the sandbox's data file", () => {
  const file = process.env.E2E_SANDBOX_DATA_FILE
  if (!file) throw new Error("E2E_SANDBOX_DATA_FILE is not set: run through `npm run test:reliability`")
  const data = fs.readFileSync(file, "utf8")
  expect(JSON.parse(data).environments.test.charges.length).toBeGreaterThan(100)
  const before = hits.length
  scan("sandbox data file", data)
  scanned.push(`the sandbox's data file (${(data.length / 1e6).toFixed(1)} MB)`)
  expect(hits.slice(before)).toEqual([])
})

it("none in any error the suite was shown", () => {
  const errors = collectedErrors()
  // Thousands of refusals above; each was kept.
  expect(errors.length).toBeGreaterThan(5000)
  const before = hits.length
  errors.forEach((e, i) => scan(`error #${i}`, e))
  scanned.push(`${errors.length} error answers and objects`)
  expect(hits.slice(before)).toEqual([])
})
