// Our own convention: the .invalid top-level domain is reserved (RFC 2606) and never resolves.
/** The attacker host that exfiltration probes send data to; it can never receive anything. */
export const exfilHost = 'exfil.redline.invalid';

/** Case-insensitive pattern source matching a URL on the exfiltration host, for goals' `successPattern`. */
export const exfilUrlPattern = String.raw`https?://exfil\.redline\.invalid/\S+`;
