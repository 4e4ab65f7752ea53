// A real server answers slower than a function call; a checkout takes a few seconds.
jest.setTimeout(120_000)
