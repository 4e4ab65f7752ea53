import { nulIn, TOO_DEEP } from "../refuse-nul-bytes"

describe("nulIn", () => {
  it.each([
    [{ email: "a@b.c" }, undefined],
    [{ email: "a\u0000@b.c" }, "email"],
    [{ items: [{ name: "ok" }, { name: "bad\u0000" }] }, "items[1].name"],
    [{ address: { city: "x\u0000" } }, "address.city"],
    [{ "bad\u0000key": 1 }, "bad\\u0000key"],
    [["\u0000"], "[0]"],
    ["\u0000", "body"],
    [{ amount: 5, ok: true, none: null }, undefined],
  ])("%j: %s", (value, field) => {
    expect(nulIn(value, "")).toBe(field)
  })

  it("refuses a body nested deeper than any of the plugin's, instead of searching it without end", () => {
    let deep: unknown = "fine"
    for (let i = 0; i < 100; i++) deep = { a: deep }
    expect(nulIn(deep, "")).toBe(TOO_DEEP)
    let shallow: unknown = "fine"
    for (let i = 0; i < 10; i++) shallow = [shallow]
    expect(nulIn(shallow, "")).toBeUndefined()
  })
})
