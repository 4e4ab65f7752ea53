import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { ListState } from "../lib/use-list"
import { ErrorNote, Pagination, StatusFilter } from "./common"
import { type Column, ListTable } from "./list-table"

/**
 * A sidebar page that lists one kind of record (Invoices, Subscriptions):
 * the heading, the status filter, the table with a row a record (a click
 * opens it), what the route refused, and the pages. The route's `page.tsx`
 * keeps only what is its own: the columns, the filters and the texts.
 */
export function ListPage<T extends { id: string }>({
  list,
  testId,
  title,
  description,
  action,
  filters,
  columns,
  rowTestId,
  href,
  empty,
  loading,
}: {
  list: ListState<T>
  testId: string
  title: string
  description: string
  /** A button beside the heading (e.g. "Create invoice"). */
  action?: ReactNode
  filters: { value: string; label: string }[]
  columns: Column<T>[]
  rowTestId: string
  href: (row: T) => string
  /** What an empty list says. */
  empty: string
  /** What the list says until its first answer; nothing when omitted. */
  loading?: string
}) {
  return (
    <Container className="p-0" data-testid={testId}>
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">{title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {description}
          </Text>
        </div>
        {action}
      </div>
      <StatusFilter filters={filters} value={list.status} onChange={list.filter} />
      <div className="px-6">
        <ErrorNote error={list.error} />
      </div>
      <ListTable columns={columns} rows={list.rows} rowTestId={rowTestId} href={href} />
      {list.rows?.length === 0 && <Note>{empty}</Note>}
      {loading && list.isLoading && <Note>{loading}</Note>}
      {list.count !== undefined && <Pagination offset={list.offset} limit={list.pageSize} count={list.count} onChange={list.goTo} />}
    </Container>
  )
}

function Note({ children }: { children: ReactNode }) {
  return (
    <Text size="small" className="text-ui-fg-subtle px-6 py-4">
      {children}
    </Text>
  )
}
