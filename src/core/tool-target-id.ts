/** What a tool-using target adds to its id: the environment and vector its tools act in, e.g. `/tools:workspace@email`. */
export function toolTargetIdSuffix(input: { readonly environment: string; readonly vector: string }): string {
  return `/tools:${input.environment}@${input.vector}`;
}

/**
 * True for the id of a target that acts through tools (an endpoint with `tools:`, the demo agent): its findings are
 * excessive agency as well as whatever the goal is, so reports add OWASP LLM06 and ATLAS AML.T0053 to them.
 */
export function isToolUsingTargetId(id: string): boolean {
  return /\/tools:[\w-]+@[\w-]+/.test(id) || id.startsWith('demo-agent:');
}
