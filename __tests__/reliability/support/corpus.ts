import fc from "fast-check"
import { FUZZ_SEED } from "./fuzz-seed"
import { mapLimited } from "./map-limited"

/**
 * Property-based fuzzing, run as a corpus: fast-check draws `count` inputs
 * from the arbitrary with a fixed seed, each is checked (several at a time
 * for inputs that go over HTTP), and every failure is kept, grouped by what
 * it was about, so that one run shows each distinct hole rather than the
 * first. A failure names the seed and the input's index: the same seed draws
 * the same inputs again.
 */
export interface CorpusFailure {
  group: string
  index: number
  input: string
  problem: string
}

export interface CorpusRun {
  count: number
  failures: CorpusFailure[]
}

export async function runCorpus<T>(options: {
  name: string
  arbitrary: fc.Arbitrary<T>
  count: number
  /** Offsets the suite's seed, so that two corpora do not draw the same inputs. */
  seedOffset: number
  concurrency?: number
  group: (input: T) => string
  check: (input: T) => Promise<void> | void
}): Promise<CorpusRun> {
  const seed = FUZZ_SEED + options.seedOffset
  const inputs = fc.sample(options.arbitrary, { seed, numRuns: options.count })
  const failures: CorpusFailure[] = []
  await mapLimited(inputs, options.concurrency ?? 1, async (input, index) => {
    try {
      await options.check(input)
    } catch (e) {
      failures.push({ group: options.group(input), index, input: preview(input), problem: (e as Error).message.split("\n").slice(0, 6).join(" ") })
    }
    // Let the sandbox (in this process) answer between pure checks too.
    if (index % 200 === 0) await new Promise((r) => setImmediate(r))
  })
  return { count: inputs.length, failures: failures.sort((a, b) => a.index - b.index) }
}

/** One line for the figures: how many inputs got the answer they must, and which groups did not. */
export function tally(run: CorpusRun): string {
  if (!run.failures.length) return `all ${run.count} answered as required`
  const groups = [...new Set(run.failures.map((f) => f.group))]
  return `${run.count - run.failures.length} of ${run.count} answered as required; ${run.failures.length} did not (${groups.join(", ")})`
}

/** The failures, a few per group, as one readable report. */
export function describeFailures(name: string, run: CorpusRun, seedOffset: number): string[] {
  const byGroup = new Map<string, CorpusFailure[]>()
  for (const f of run.failures) byGroup.set(f.group, [...(byGroup.get(f.group) ?? []), f])
  return [...byGroup.entries()].map(
    ([group, list]) =>
      `${name} / ${group}: ${list.length} of ${run.count} inputs (seed ${FUZZ_SEED + seedOffset}, e.g. #${list[0].index} ${list[0].input}: ${list[0].problem}${list[1] ? `; #${list[1].index} ${list[1].input}: ${list[1].problem}` : ""})`
  )
}

export function preview(value: unknown): string {
  let text: string
  try {
    text = JSON.stringify(value, (_k, v) => (typeof v === "string" && v.length > 60 ? `${v.slice(0, 20)}…(${v.length} chars)` : v)) ?? String(value)
  } catch {
    text = String(value)
  }
  // A report is not a place for a card number either.
  text = text.replace(/\d{12,19}/g, "[card number]")
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}
