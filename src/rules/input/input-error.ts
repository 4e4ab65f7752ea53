/**
 * Bad input from a shopper, an admin or a config file, caught before anything
 * reaches the gateway. `field` names what is wrong, so the message can say so.
 */
export class InputError extends Error {
  constructor(readonly field: string, readonly reason: string) {
    super(`${field}: ${reason}`)
    this.name = "InputError"
  }
}
