import { isRefusal } from "./errors"

/** How many different requests one operation may try before it is refused as too many. */
export const MAX_KEY_GENERATIONS = 5

/**
 * Sends a request under `baseKey`, and when the gateway answers that the key
 * was already used with other parameters, under `baseKey_2`, `_3`, ...
 *
 * Why: a key derived from what a request means cannot hold everything that
 * varies, since the card number and CVC may not go into it, not even hashed.
 * A shopper who corrects a CVC after a decline sends a new request that
 * derives the same key. The gateway refuses that key before doing anything,
 * so moving to the next one is safe; and it is deterministic: the same
 * request sent again walks the same keys and lands on its own first answer,
 * so a retry after a timeout still replays instead of acting twice.
 */
export async function withKeyGenerations<T>(baseKey: string, send: (idempotencyKey: string) => Promise<T>): Promise<T> {
  for (let generation = 1; ; generation++) {
    const key = generation === 1 ? baseKey : `${baseKey}_${generation}`
    try {
      return await send(key)
    } catch (e) {
      if (!isRefusal(e, "idempotency_key_reuse") || generation >= MAX_KEY_GENERATIONS) throw e
    }
  }
}
