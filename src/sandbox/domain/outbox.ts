import { newId, type EnvironmentState, type OutboxEmail } from "../store/state"

/**
 * The sandbox sends no mail: `send_now`, `send_email` and invoice/send record
 * the email here so tests can see that the gateway would have sent it.
 */
export function recordEmail(env: EnvironmentState, email: Omit<OutboxEmail, "email_id" | "sent_at">, now: number): OutboxEmail {
  const recorded: OutboxEmail = { email_id: newId("em"), ...email, sent_at: now }
  env.outbox.add(recorded)
  return recorded
}
