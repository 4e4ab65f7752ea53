import { toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { errorMessage } from "../../../../admin/lib/errors"
import { sdk } from "./sdk"

export type Confirmation = { title: string; description: string; confirmText: string }

/**
 * A POST to one of the plugin's admin routes, as a button runs it: asks for
 * confirmation first when given one (every action that moves money does),
 * keeps the route's error message for the page to show, and refreshes the
 * plugin's queries (and the dashboard's orders) once it succeeds.
 */
export function useAction<TBody extends Record<string, unknown>, TAnswer>(path: string) {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [error, setError] = useState<unknown>(null)
  const post = useMutation({ mutationFn: (body: TBody) => sdk.client.fetch<TAnswer>(path, { method: "POST", body }) })

  async function run(body: TBody, options: { confirm?: Confirmation; done?: string } = {}): Promise<TAnswer | undefined> {
    setError(null)
    if (options.confirm && !(await prompt({ ...options.confirm, cancelText: "Cancel", variant: "confirmation" }))) return undefined
    try {
      const answer = await post.mutateAsync(body)
      // The plugin's queries start with "instantmerchant" (use-admin-get.ts); the dashboard's order queries with "orders".
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === "instantmerchant" || q.queryKey[0] === "orders" })
      if (options.done) toast.success("InstantMerchant", { description: options.done })
      return answer
    } catch (e) {
      setError(e)
      toast.error("InstantMerchant", { description: errorMessage(e) })
      return undefined
    }
  }

  return { run, error, isLoading: post.isPending }
}
