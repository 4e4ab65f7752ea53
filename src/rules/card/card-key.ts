import { lettersDigest } from "../idempotency-digest"
import { CardInput, lastFour } from "./card-input"

/**
 * What names a card in an idempotency key: its id, or for details the last 4,
 * the expiry and a digest of the name and flags. Never the number, nor a hash
 * of it: a key is sent to the gateway and kept in its logs, and an unkeyed
 * hash of a card number can be reversed by trying every number of a BIN.
 */
export function cardKeyPart(card: CardInput): string {
  if (card.kind === "saved") return `${card.card_id}_${card.is_default ? 1 : 0}`
  return `card_${lastFour(card.card_number)}_${card.exp_month}_${card.exp_year}_${lettersDigest(JSON.stringify([card.cardholder_name, card.save_card, card.is_default]), 8)}`
}
