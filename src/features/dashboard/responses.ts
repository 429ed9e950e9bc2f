import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebAssets } from './assets.js';

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

export function badRequest(res: ServerResponse, detail: string): void {
  json(res, 400, { error: 'bad_request', detail });
}

export function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=') || null;
  }
  return null;
}

/**
 * `attachment` with a plain ASCII `filename` for old clients and the real (Chinese) name as RFC 5987
 * `filename*` (RFC 6266): percent-encoded UTF-8, where ' ( ) * must be encoded too.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export interface XlsxFile {
  /** null: headers only (a HEAD). */
  body: Buffer | null;
  fileName: string;
  asciiFileName: string;
}

export function sendXlsx(res: ServerResponse, file: XlsxFile, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': attachmentDisposition(file.fileName, file.asciiFileName),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extraHeaders,
  });
  res.end(file.body ?? undefined);
}

export function serveAsset(path: string, res: ServerResponse, assets: WebAssets): void {
  const [body, type] =
    path === '/app.js'
      ? [assets.js, 'text/javascript; charset=utf-8']
      : path === '/app.css'
        ? [assets.css, 'text/css; charset=utf-8']
        : [assets.html, 'text/html; charset=utf-8'];
  res.writeHead(200, {
    'content-type': type,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'content-security-policy':
      "default-src 'self'; script-src 'self' https://telegram.org; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'self'",
  });
  res.end(body);
}
