// Reads an export document as it arrives, one row at a time, so a restore never holds the
// document (nor one table of it) in memory. @streamparser/json turns the text into tokens; this
// file follows the document's two outer levels itself ({ …header, "entities": { key: [rows] } })
// and lets the library's TokenParser build each header value and each row. The library's own
// path selection cannot do this alone: asking it for the header members as well as the rows
// makes it keep every emitted row inside "entities" until the document ends.
import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from "@streamparser/json";
import { AppError } from "../errors";

export type DocumentEvent =
  /** The document is valid JSON so far but not an object: nothing further is read. */
  | { type: "notAnObject" }
  /** A top-level member, whole; also "entities" when it is not an object. */
  | { type: "field"; key: string; value: unknown }
  | { type: "entitiesStart" }
  /** An entity whose value is an array: its rows follow, then entityEnd. */
  | { type: "entityStart"; key: string }
  /** An entity whose value is not an array. */
  | { type: "entityValue"; key: string; value: unknown }
  /** `bytes`: the row's length in the document (0 when it did not come as text). */
  | { type: "row"; key: string; index: number; value: unknown; bytes: number }
  | { type: "entityEnd"; key: string; rows: number }
  | { type: "entitiesEnd" };

/** How much text is handed to the tokenizer at once; the events of one slice are held together. */
export const SLICE = 64 * 1024;

const malformed = () => new AppError("MALFORMED_JSON", 400, "The body is not valid JSON.");
const invalidEncoding = () => new AppError("INVALID_ENCODING", 400, "The body is not valid UTF-8.");

type State =
  | "start"
  | "rootKey"
  | "rootKeyOrEnd"
  | "rootColon"
  | "rootValue"
  | "rootNext"
  | "entityKey"
  | "entityKeyOrEnd"
  | "entityColon"
  | "entityValue"
  | "rowOrEnd"
  | "row"
  | "rowNext"
  | "entityNext"
  | "value"
  | "done";

/** What a value being built is, and where the reader goes on once it is complete. */
type Capture = { kind: "field" | "entityValue" | "row"; first: number };

class DocumentTokens {
  private readonly tokenizer = new Tokenizer();
  private readonly values = new TokenParser({ paths: ["$"], separator: "" });
  private state: State = "start";
  private rootKey = "";
  private entityKey = "";
  private rowIndex = 0;
  private capture: Capture | null = null;
  private lastOffset = 0;

  constructor(private readonly out: DocumentEvent[]) {
    this.tokenizer.onToken = (token) => this.token(token);
    this.tokenizer.onError = (error) => {
      throw error;
    };
    this.values.onValue = ({ value }) => this.captured(value);
    this.values.onError = (error) => {
      throw error;
    };
  }

  /** The document turned out not to be an object: nothing more is read. */
  stopped = false;

  write(text: string): void {
    try {
      this.tokenizer.write(text);
    } catch (error) {
      throw error instanceof AppError ? error : malformed();
    }
  }

  end(): void {
    if (this.state !== "done") throw malformed();
  }

  private finish(): void {
    this.state = "done";
    // From here on the tokenizer accepts only whitespace.
    this.tokenizer.end();
  }

  private startValue(kind: Capture["kind"], token: ParsedTokenInfo): void {
    this.capture = { kind, first: token.offset };
    this.state = "value";
    this.values.write(token);
  }

  private captured(value: unknown): void {
    const capture = this.capture!;
    this.capture = null;
    if (capture.kind === "field") {
      this.out.push({ type: "field", key: this.rootKey, value });
      this.state = "rootNext";
    } else if (capture.kind === "entityValue") {
      this.out.push({ type: "entityValue", key: this.entityKey, value });
      this.state = "entityNext";
    } else {
      this.out.push({ type: "row", key: this.entityKey, index: this.rowIndex++, value, bytes: this.lastOffset - capture.first + 1 });
      this.state = "rowNext";
    }
  }

  private token(token: ParsedTokenInfo): void {
    const t = token.token;
    this.lastOffset = token.offset;
    switch (this.state) {
      case "value":
        this.values.write(token);
        return;
      case "start":
        if (t === TokenType.LEFT_BRACE) this.state = "rootKeyOrEnd";
        else {
          this.out.push({ type: "notAnObject" });
          this.state = "done";
          this.stopped = true;
          throw new StopReading();
        }
        return;
      case "rootKeyOrEnd":
      case "rootKey":
        if (t === TokenType.STRING) {
          this.rootKey = token.value as string;
          this.state = "rootColon";
        } else if (t === TokenType.RIGHT_BRACE && this.state === "rootKeyOrEnd") this.finish();
        else throw malformed();
        return;
      case "rootColon":
        if (t !== TokenType.COLON) throw malformed();
        this.state = "rootValue";
        return;
      case "rootValue":
        if (this.rootKey === "entities" && t === TokenType.LEFT_BRACE) {
          this.out.push({ type: "entitiesStart" });
          this.state = "entityKeyOrEnd";
        } else this.startValue("field", token);
        return;
      case "rootNext":
        if (t === TokenType.COMMA) this.state = "rootKey";
        else if (t === TokenType.RIGHT_BRACE) this.finish();
        else throw malformed();
        return;
      case "entityKeyOrEnd":
      case "entityKey":
        if (t === TokenType.STRING) {
          this.entityKey = token.value as string;
          this.state = "entityColon";
        } else if (t === TokenType.RIGHT_BRACE && this.state === "entityKeyOrEnd") {
          this.out.push({ type: "entitiesEnd" });
          this.state = "rootNext";
        } else throw malformed();
        return;
      case "entityColon":
        if (t !== TokenType.COLON) throw malformed();
        this.state = "entityValue";
        return;
      case "entityValue":
        if (t === TokenType.LEFT_BRACKET) {
          this.out.push({ type: "entityStart", key: this.entityKey });
          this.rowIndex = 0;
          this.state = "rowOrEnd";
        } else this.startValue("entityValue", token);
        return;
      case "rowOrEnd":
      case "row":
        if (t === TokenType.RIGHT_BRACKET && this.state === "rowOrEnd") this.endEntity();
        else this.startValue("row", token);
        return;
      case "rowNext":
        if (t === TokenType.COMMA) this.state = "row";
        else if (t === TokenType.RIGHT_BRACKET) this.endEntity();
        else throw malformed();
        return;
      case "entityNext":
        if (t === TokenType.COMMA) this.state = "entityKey";
        else if (t === TokenType.RIGHT_BRACE) {
          this.out.push({ type: "entitiesEnd" });
          this.state = "rootNext";
        } else throw malformed();
        return;
      case "done":
        throw malformed();
    }
  }

  private endEntity(): void {
    this.out.push({ type: "entityEnd", key: this.entityKey, rows: this.rowIndex });
    this.state = "entityNext";
  }
}

/** Thrown inside the tokenizer to stop at a document that is not an object; not an error. */
class StopReading extends AppError {
  constructor() {
    super("NOT_AN_OBJECT", 400, "not an object");
  }
}

/**
 * The events of a document read from chunks of UTF-8 bytes (or text): invalid UTF-8 is refused
 * (not read as U+FFFD), so is anything that is not one well-formed JSON value, each with the
 * same 400 as before the restore streamed. Only one slice's events are held at a time.
 */
export async function* documentEvents(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncGenerator<DocumentEvent> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const pending: DocumentEvent[] = [];
  const reader = new DocumentTokens(pending);
  const feed = (text: string) => {
    try {
      reader.write(text);
    } catch (error) {
      if (!(error instanceof StopReading)) throw error;
    }
  };
  for await (const chunk of chunks) {
    for (let start = 0; start < chunk.length; start += SLICE) {
      const slice = typeof chunk === "string" ? chunk.slice(start, start + SLICE) : chunk.subarray(start, start + SLICE);
      let text: string;
      try {
        text = typeof slice === "string" ? slice : decoder.decode(slice, { stream: true });
      } catch {
        throw invalidEncoding();
      }
      if (text) feed(text);
      yield* pending.splice(0);
      if (reader.stopped) return;
    }
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw invalidEncoding();
  }
  if (rest) feed(rest);
  if (!reader.stopped) reader.end();
  yield* pending.splice(0);
}

/** The same events from a document already in memory (it came as no text, so rows have no size). */
export async function* objectEvents(input: unknown): AsyncGenerator<DocumentEvent> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    yield { type: "notAnObject" };
    return;
  }
  for (const [key, value] of Object.entries(input)) {
    if (key !== "entities" || value === null || typeof value !== "object" || Array.isArray(value)) {
      yield { type: "field", key, value };
      continue;
    }
    yield { type: "entitiesStart" };
    for (const [entityKey, rows] of Object.entries(value)) {
      if (!Array.isArray(rows)) {
        yield { type: "entityValue", key: entityKey, value: rows };
        continue;
      }
      yield { type: "entityStart", key: entityKey };
      for (const [index, row] of rows.entries()) yield { type: "row", key: entityKey, index, value: row, bytes: 0 };
      yield { type: "entityEnd", key: entityKey, rows: rows.length };
    }
    yield { type: "entitiesEnd" };
  }
}
