/**
 * One seed for every generator of the suite, fixed by default so that a run
 * is reproducible; RELIABILITY_SEED=<n> explores others. Every failure
 * message carries it.
 */
export const FUZZ_SEED = process.env.RELIABILITY_SEED ? Number(process.env.RELIABILITY_SEED) : 20_260_101

export function seedNote(extra = ""): string {
  return `(seed ${FUZZ_SEED}${extra}; rerun with RELIABILITY_SEED=${FUZZ_SEED})`
}
