// A real server answers slower than a function call, and a loaded 2-core machine much slower still.
// A test's own waits give up first and say what they waited for; this only stops a test that hangs.
jest.setTimeout(300_000)
