/** Node's network error codes, in words an operator can act on. */
const NETWORK: Record<string, (where: string) => string> = {
  ECONNREFUSED: (where) => `the connection to ${where} was refused (nothing listens there)`,
  ENOTFOUND: (where) => `the host of ${where} cannot be resolved (DNS lookup failed)`,
  EAI_AGAIN: (where) => `the host of ${where} cannot be resolved right now (DNS lookup failed temporarily)`,
  ETIMEDOUT: (where) => `the connection to ${where} timed out`,
  ECONNRESET: (where) => `the connection to ${where} was reset`,
  EHOSTUNREACH: (where) => `${where} is unreachable (no route to host)`,
  ENETUNREACH: (where) => `${where} is unreachable (network unreachable)`,
  EPROTO: (where) => `the TLS handshake with ${where} failed (is it really HTTPS/SSL?)`,
  CERT_HAS_EXPIRED: (where) => `the TLS certificate of ${where} has expired`,
  DEPTH_ZERO_SELF_SIGNED_CERT: (where) => `the TLS certificate of ${where} is self-signed and not trusted`,
  SELF_SIGNED_CERT_IN_CHAIN: (where) => `the TLS certificate chain of ${where} has an untrusted self-signed certificate`,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: (where) => `the TLS certificate of ${where} cannot be verified`,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: (where) => `the TLS certificate of ${where} cannot be verified (unknown issuer)`,
  ERR_TLS_CERT_ALTNAME_INVALID: (where) => `the TLS certificate of ${where} is for another host name`,
};

/** A network failure (refused, DNS, timeout, TLS) in words, or null when the error is not one. */
export function describeNetworkError(error: unknown, where: string): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && NETWORK[code]) return `${NETWORK[code](where)} [${code}]`;
  if (typeof code === 'string' && /^(ERR_SSL|ERR_TLS|CERT_|ERR_OSSL)/.test(code)) return `the TLS connection to ${where} failed [${code}]`;
  return null;
}
