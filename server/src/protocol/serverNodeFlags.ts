// The Node flags the language server process runs with: the client passes them when it starts
// dist/server.js, and bench/lsp.bench.ts starts it the same way.
//
// --max-semi-space-size=32 (MiB): a larger young generation, so opening a large file (the
// 1,000-document bench file allocates ~100 MiB of short-lived parse and check objects) and each
// keystroke in it run fewer scavenges. Measured in session 6 (bench/lsp.bench.ts, BENCH_SERVER_ARGS,
// quiet machine, alternating): complete diagnostics median 637 → 504 ms and keystroke p99 24 → 17 ms
// over 4 pairs; 16 MiB gained less, 64 MiB nothing more. The cost is memory while the young generation
// is full: server RSS after the bench ~157 → ~200 MiB. The young generation only grows under
// allocation pressure, so small workspaces keep their small heap.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
