/**
 * The invoice's `date_due`: `days` after `now`, as the reference's
 * "mm/dd/yyyy", counted in UTC so every server computes the same day.
 */
export function dueDate(now: Date, days: number): string {
  const due = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days))
  return formatDueDate(due)
}

/** mm/dd/yyyy of a date, in UTC. */
export function formatDueDate(date: Date): string {
  const mm = String(date.getUTCMonth() + 1).padStart(2, "0")
  const dd = String(date.getUTCDate()).padStart(2, "0")
  return `${mm}/${dd}/${date.getUTCFullYear()}`
}
