import type { IncomingMessage } from 'node:http';

/** What is recorded in params for an uploaded multipart file part: its metadata and its bytes (tests read exported files back). */
export interface UploadedFile {
  upload: true;
  filename: string;
  contentType: string;
  size: number;
  /** The uploaded bytes, for tests that read a file the bot sent. */
  content: Buffer;
}

export function isUploadedFile(v: unknown): v is UploadedFile {
  return typeof v === 'object' && v !== null && (v as { upload?: unknown }).upload === true;
}

export class BodyError extends Error {}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new BodyError('request entity too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Form values that look like JSON objects/arrays are parsed (telegraf serialises reply_markup etc. that way). */
export function maybeJson(value: string): unknown {
  const t = value.trim();
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

function parseUrlEncoded(text: string, into: Record<string, unknown>): void {
  for (const [k, v] of new URLSearchParams(text)) into[k] = maybeJson(v);
}

function headerParam(header: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;]*))`, 'i');
  const m = re.exec(header);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? '').trim();
}

function parseMultipart(body: Buffer, boundary: string, into: Record<string, unknown>): void {
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new BodyError('multipart boundary not found');
  for (;;) {
    pos += delimiter.length;
    // "--" right after a delimiter marks the end.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const next = body.indexOf(delimiter, pos);
    if (next < 0) throw new BodyError('unterminated multipart body');
    let part = body.subarray(pos, next);
    // Strip the CRLF that precedes the next delimiter.
    if (part.length >= 2 && part[part.length - 2] === 0x0d && part[part.length - 1] === 0x0a) {
      part = part.subarray(0, part.length - 2);
    }
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new BodyError('malformed multipart part');
    const headers = new Map<string, string>();
    for (const line of part.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const content = part.subarray(headerEnd + 4);
    const disposition = headers.get('content-disposition') ?? '';
    const name = headerParam(disposition, 'name');
    if (name !== undefined) {
      const filename = headerParam(disposition, 'filename');
      into[name] =
        filename !== undefined
          ? ({
              upload: true,
              filename,
              contentType: headers.get('content-type') ?? 'application/octet-stream',
              size: content.length,
              content: Buffer.from(content),
            } satisfies UploadedFile)
          : maybeJson(content.toString('utf8'));
    }
    pos = next;
  }
}

/** Query string params merged with the body params (body wins). Throws BodyError on unparsable bodies. */
export async function readParams(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams) params[k] = maybeJson(v);
  const body = await readBody(req);
  if (body.length === 0) return params;
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (contentType.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8')) as unknown;
    } catch {
      throw new BodyError("can't parse JSON object");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new BodyError('JSON body must be an object');
    }
    return Object.assign(params, parsed as Record<string, unknown>);
  }
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    parseUrlEncoded(body.toString('utf8'), params);
    return params;
  }
  if (contentType.startsWith('multipart/form-data')) {
    const boundary = headerParam(req.headers['content-type'] ?? '', 'boundary');
    if (!boundary) throw new BodyError('multipart boundary is missing');
    parseMultipart(body, boundary, params);
    return params;
  }
  throw new BodyError(`unsupported content type "${contentType || '(none)'}"`);
}
