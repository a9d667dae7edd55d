// The two parts of undici the transport uses, loaded without undici's index (which loads fetch, WebSocket, caches,
// mocks and more: about 30 ms of every `redline` start). undici has no `exports` map, so these paths are reachable;
// the bundle pins them at build time (decision 040), and a moved file fails the build, not a scan.
declare module 'undici/lib/dispatcher/agent.js' {
  import { Agent } from 'undici';
  export = Agent;
}

declare module 'undici/lib/api/api-request.js' {
  import type { Dispatcher } from 'undici';
  /** undici's `Dispatcher.request`, called with the dispatcher as `this`. */
  function request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
  export = request;
}
