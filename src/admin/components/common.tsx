import { Alert, Button, StatusBadge, Text } from "@medusajs/ui"
import { errorMessage } from "../lib/errors"

const COLORS: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  active: "green",
  paid: "green",
  succeeded: "green",
  captured: "green",
  authorized: "blue",
  open: "blue",
  past_due: "orange",
  partially_refunded: "orange",
  unknown: "orange",
  failed: "red",
  expired: "red",
  canceled: "grey",
  refunded: "grey",
}

/** A status as Medusa's admin shows one: a coloured dot and the word. */
export function Status({ value }: { value: string }) {
  return (
    <StatusBadge color={COLORS[value] ?? "grey"} data-status={value}>
      {value.replace(/_/g, " ")}
    </StatusBadge>
  )
}

/** A route's error, in the route's own words. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null
  return (
    <Alert variant="error" data-testid="instantmerchant-error">
      {errorMessage(error)}
    </Alert>
  )
}

/** A label and its value, in the admin's two-column style. */
export function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex items-start justify-between gap-x-4 py-1">
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="small" className="text-right" data-testid={testId}>
        {children}
      </Text>
    </div>
  )
}

/** "1–20 of 43" and the previous and next buttons. */
export function Pagination({ offset, limit, count, onChange }: { offset: number; limit: number; count: number; onChange: (offset: number) => void }) {
  const first = count === 0 ? 0 : offset + 1
  const last = Math.min(offset + limit, count)
  return (
    <div className="flex items-center justify-between px-6 py-4">
      <Text size="small" className="text-ui-fg-subtle" data-testid="pagination">
        {first}–{last} of {count}
      </Text>
      <div className="flex gap-x-2">
        <Button variant="secondary" size="small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
          Previous
        </Button>
        <Button variant="secondary" size="small" disabled={offset + limit >= count} onClick={() => onChange(offset + limit)}>
          Next
        </Button>
      </div>
    </div>
  )
}

/**
 * The row of status buttons above a list: choosing one filters the list and
 * goes back to its first page.
 */
export function StatusFilter({
  filters,
  value,
  onChange,
}: {
  filters: { value: string; label: string }[]
  value: string
  onChange: (value: string) => void
}) {
  return (
    <div className="flex gap-x-2 px-6 pb-4" role="group" aria-label="Status">
      {filters.map((f) => (
        <Button
          key={f.value}
          size="small"
          variant={value === f.value ? "primary" : "secondary"}
          data-testid={`filter-${f.value || "all"}`}
          onClick={() => onChange(f.value)}
        >
          {f.label}
        </Button>
      ))}
    </div>
  )
}
