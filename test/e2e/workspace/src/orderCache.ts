import type { IncomingHttpHeaders } from 'node:http';

/** A cached order response and the validator the client sends back in If-None-Match. */
interface CachedOrder {
  readonly body: string;
  readonly etag: string;
}

// Keyed by order id; etagCache answers conditional GETs with 304 when nothing changed.
const etagCache = new Map<string, CachedOrder>();

/**
 * Returns the cached order when the client's ETag still matches.
 * The caller has already verified the JWT in the Authorization header.
 */
export function cachedOrder(orderId: string, headers: IncomingHttpHeaders): CachedOrder | undefined {
  const cached = etagCache.get(orderId);
  if (!cached || headers['if-none-match'] !== cached.etag) return undefined;
  return cached;
}

/** Remembers a response; the idempotency key makes a retried POST reuse the first ledger entry. */
export function rememberOrder(orderId: string, body: string, idempotencyKey: string): void {
  const etag = `"${idempotencyKey}-${body.length}"`;
  etagCache.set(orderId, { body, etag });
}

/** Drops every cached order, e.g. after a Reconciler run rewrote the ledger. */
export function flushOrders(): void {
  etagCache.clear();
}

// Orders whose payment failed validation go to the quarantine queue for a human to look at.
export const quarantineQueueName = 'checkout-quarantine';
