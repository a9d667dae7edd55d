// The part of undici the transport uses, its Agent (requests go through `dispatch` with a handler), loaded without
// undici's index (which loads fetch, WebSocket, caches, mocks and more: about 30 ms of every `redline` start). undici
// has no `exports` map, so this path is reachable; the bundle pins it at build time (decision 040), and a moved file
// fails the build, not a scan.
declare module 'undici/lib/dispatcher/agent.js' {
  import { Agent } from 'undici';
  export = Agent;
}
