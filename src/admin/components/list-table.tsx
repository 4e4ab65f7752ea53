import { Table } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useNavigate } from "react-router-dom"

/** One column of a list: its header and what a row shows in it. */
export type Column<T> = { header: string; cell: (row: T) => ReactNode; className?: string }

/**
 * The table of a list. With `href`, a click anywhere on a row opens the row's
 * page (the Invoices and Subscriptions lists); without, rows are plain and a
 * cell may hold its own link (the customer widget).
 */
export function ListTable<T extends { id: string }>({
  columns,
  rows,
  rowTestId,
  href,
}: {
  columns: Column<T>[]
  rows: T[] | undefined
  rowTestId?: string
  href?: (row: T) => string
}) {
  const navigate = useNavigate()
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          {columns.map((c) => (
            <Table.HeaderCell key={c.header}>{c.header}</Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows?.map((row) => (
          <Table.Row
            key={row.id}
            className={href ? "cursor-pointer" : undefined}
            data-testid={rowTestId}
            onClick={href ? () => navigate(href(row)) : undefined}
          >
            {columns.map((c) => (
              <Table.Cell key={c.header} className={c.className}>
                {c.cell(row)}
              </Table.Cell>
            ))}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
