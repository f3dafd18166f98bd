/**
 * Sends statements of one interactive transaction to the server in the given order without
 * waiting for any of them to end, so the server runs them back to back while this process does
 * other work (publication scores a round while its writes run).
 *
 * Why one per event-loop turn: Prisma batches the statements of a transaction that are issued in
 * the same turn, sends the batch after statements issued later, and resolves every statement of
 * the batch only when the whole batch has ended (measured with Prisma 7.10: two reads issued
 * together with a write ran after it and resolved with it). Issued one per turn, each goes to the
 * transaction's queue on its own, in order, and resolves as soon as it has ended. Prisma's
 * promises are lazy: a statement is issued when `then` is first called on it.
 *
 * Values that are not statements (a skipped write's 0) pass through as resolved promises.
 *
 * Each returned promise already has a rejection handler, so a failure is not an unhandled
 * rejection while earlier ones are awaited; the caller awaits every one it needs.
 */
export async function sendInOrder<T extends readonly unknown[]>(
  statements: T,
): Promise<{ -readonly [K in keyof T]: Promise<Awaited<T[K]>> }> {
  const sent: Promise<unknown>[] = []
  for (const statement of statements) {
    const promise = Promise.resolve(statement)
    promise.catch(() => undefined)
    sent.push(promise)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return sent as { -readonly [K in keyof T]: Promise<Awaited<T[K]>> }
}
