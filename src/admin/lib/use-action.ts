import { useAdminCustomPost } from "medusa-react"
import { useQueryClient } from "@tanstack/react-query"
import { usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage } from "./errors"

type Notify = { success: (title: string, message: string) => void; error: (title: string, message: string) => void }

export type Confirmation = { title: string; description: string; confirmText: string }

/**
 * A POST to one of the plugin's admin routes, as a button runs it: asks for
 * confirmation first when given one (every action that moves money does),
 * keeps the route's error message for the page to show, and refreshes the
 * plugin's queries (and Medusa's orders) once it succeeds.
 */
export function useAction<TBody extends Record<string, unknown>, TAnswer>(path: string, notify?: Notify) {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [error, setError] = useState<unknown>(null)
  const post = useAdminCustomPost<TBody, TAnswer>(path, ["instantmerchant"])

  async function run(body: TBody, options: { confirm?: Confirmation; done?: string } = {}): Promise<TAnswer | undefined> {
    setError(null)
    if (options.confirm && !(await prompt({ ...options.confirm, cancelText: "Cancel", variant: "confirmation" }))) return undefined
    try {
      const answer = (await post.mutateAsync(body)) as TAnswer
      // useAdminCustomQuery keys start with the path; Medusa's order queries with "admin_orders".
      await queryClient.invalidateQueries({
        predicate: (q) => {
          const head = q.queryKey[0]
          return typeof head === "string" && (head.startsWith("/instantmerchant") || head === "admin_orders")
        },
      })
      if (options.done) notify?.success("InstantMerchant", options.done)
      return answer
    } catch (e) {
      setError(e)
      notify?.error("InstantMerchant", errorMessage(e))
      return undefined
    }
  }

  return { run, error, isLoading: post.isLoading }
}
