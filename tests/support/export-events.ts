import { documentEvents, type DocumentEvent } from "@/lib/server/full-export/reader";

/** Every event of a document given as chunks (Node 20 has no Array.fromAsync). */
export async function eventsOf(chunks: Iterable<Uint8Array | string>): Promise<DocumentEvent[]> {
  const events: DocumentEvent[] = [];
  for await (const event of documentEvents(chunks)) events.push(event);
  return events;
}
