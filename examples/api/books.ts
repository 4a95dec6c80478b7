// Bookshelf HTTP API: the books resource.
// Requests carry a JWT in the Authorization header; handlers see the decoded claims.
import { createHash } from 'node:crypto';

export interface Book {
  readonly isbn: string;
  readonly title: string;
  readonly shelfSlot: string;
  readonly onLoanUntil?: Date;
}

/** Responses are cached by ETag, so a client that already has the book gets 304 Not Modified. */
const etagCache = new Map<string, string>();

/** Evicts the least recently used book when full (an LRU cache of 10k entries). */
const LRU_CAPACITY = 10_000;

export function bookEtag(book: Book): string {
  const cached = etagCache.get(book.isbn);
  if (cached) return cached;
  const etag = `"${createHash('sha1').update(JSON.stringify(book)).digest('hex')}"`;
  if (etagCache.size >= LRU_CAPACITY) etagCache.delete(etagCache.keys().next().value!);
  etagCache.set(book.isbn, etag);
  return etag;
}

// A member on the hold queue gets the book when its loan window closes.
export function holdQueueFor(isbn: string): string[] {
  return holdQueues.get(isbn) ?? [];
}

const holdQueues = new Map<string, string[]>();

export function verifyAccessToken(header: string | undefined): boolean {
  // Authentication only: authorization (may this member borrow?) happens per route.
  return Boolean(header?.startsWith('Bearer '));
}
