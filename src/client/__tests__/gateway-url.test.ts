import { gatewayUrlProblem, isLoopbackHost, printableUrl } from "../gateway-url"

describe("gatewayUrlProblem", () => {
  it.each([
    ["https://api.instantmerchant.io/api/v2", undefined],
    ["https://sandbox.example:8443/api/v2", undefined],
    ["http://127.0.0.1:4010/api/v2", undefined],
    ["http://127.8.9.10:4010/api/v2", undefined],
    ["http://localhost:4010/api/v2", undefined],
    ["http://sandbox.localhost:4010/api/v2", undefined],
    ["http://[::1]:4010/api/v2", undefined],
    ["http://api.instantmerchant.io/api/v2", "must use https"],
    ["http://10.0.0.5:4010/api/v2", "must use https"],
    ["http://192.168.1.20/api/v2", "must use https"],
    ["http://127.0.0.1.example.com/api/v2", "must use https"],
    ["http://localhost.example.com/api/v2", "must use https"],
    ["http://[::2]/api/v2", "must use https"],
    ["ftp://api.instantmerchant.io", "must be an https URL, not ftp"],
    ["https://user:pw@api.instantmerchant.io/api/v2", "must not carry a user name or password"],
    ["not a url", "is not a URL"],
  ])("%s: %s", (url, expected) => {
    const problem = gatewayUrlProblem(url)
    if (expected === undefined) expect(problem).toBeUndefined()
    else expect(problem).toContain(expected)
  })
})

describe("isLoopbackHost", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.255.255.255", true],
    ["127.256.0.1", false],
    ["LOCALHOST", true],
    ["[::1]", true],
    ["0.0.0.0", false],
    ["128.0.0.1", false],
  ])("%s: %s", (host, expected) => expect(isLoopbackHost(host)).toBe(expected))
})

describe("printableUrl", () => {
  it("drops a user name and password", () => {
    expect(printableUrl("https://user:secret@api.example/api/v2")).toBe("https://api.example/api/v2")
    expect(printableUrl("https://user:secret@api.example/api/v2")).not.toContain("secret")
  })
})
