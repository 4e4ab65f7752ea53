import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { ListState } from "../lib/use-list"
import { ErrorNote } from "./common"

/**
 * A titled list inside a widget (the customer's subscriptions, their saved
 * cards): what the route refused, what an empty list says, or the rows as
 * `children` draws them. Not paged: the widget asks for what it shows.
 */
export function ListSection<T>({ title, list, empty, children }: { title: string; list: ListState<T>; empty: string; children: (rows: T[]) => ReactNode }) {
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <Text size="small" weight="plus">
        {title}
      </Text>
      <ErrorNote error={list.error} />
      {list.rows?.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          {empty}
        </Text>
      )}
      {list.rows && list.rows.length > 0 && children(list.rows)}
    </div>
  )
}
