/** How to reach an MCP server: a command run over stdio, or a Streamable HTTP endpoint. */
export type McpServerAddress =
  | {
      /** A local command, spoken to over its standard input and output. */
      readonly transport: 'stdio';
      /** The executable. */
      readonly command: string;
      /** Its arguments as given (`${NAME}` references not yet expanded). */
      readonly args: readonly string[];
    }
  | {
      /** A remote endpoint, spoken to over Streamable HTTP. */
      readonly transport: 'http';
      /** The URL as given (`${NAME}` references not yet expanded). */
      readonly url: string;
    };

/** True when the target reads as an http(s) URL (it is then reached over Streamable HTTP, else run as a command). */
export function isHttpTarget(target: string): boolean {
  return /^https?:\/\/\S+$/i.test(target.trim());
}

/** A URL without credentials, query or fragment: what identifies an endpoint and may be printed and stored. */
export function publicUrl(url: string): string {
  return url.trim().replace(/^(https?:\/\/)[^/?#@]*@/i, '$1').replace(/[?#].*$/s, '');
}

const quoteArgument = (arg: string): string => (arg === '' || /[\s"'\\]/.test(arg) ? JSON.stringify(arg) : arg);

/**
 * The server's identity in the lock file and in output: `stdio: COMMAND ARGS…` (arguments as given, references
 * unexpanded) or `http: URL` without credentials, query or fragment — never a secret.
 */
export function serverIdentity(address: McpServerAddress): string {
  return address.transport === 'stdio'
    ? `stdio: ${[address.command, ...address.args].map(quoteArgument).join(' ')}`
    : `http: ${publicUrl(address.url)}`;
}
