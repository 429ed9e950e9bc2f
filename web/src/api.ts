import { initData, telegramDownloader } from './telegram.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`);
  }
}

function headers(): HeadersInit {
  const data = initData();
  // Without initData the browser's session cookie (from a one-time login link) is sent instead.
  return data ? { authorization: `tma ${data}` } : {};
}

export async function getJson<T>(path: string, method: 'GET' | 'POST' = 'GET'): Promise<T> {
  const response = await fetch(path, { method, headers: headers(), credentials: 'same-origin' });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ApiError(response.status, body.error ?? 'error');
  }
  return (await response.json()) as T;
}

/**
 * The overview's xlsx (`query`: the filter). Inside Telegram the server makes a one-off https address
 * and Telegram's own downloadFile saves it; elsewhere the browser saves the fetched file.
 */
export async function downloadOverview(query: string, fileName: string): Promise<void> {
  const telegramDownload = telegramDownloader();
  if (!telegramDownload) return download(`/api/overview.xlsx${query}`, fileName);
  const link = await getJson<{ url: string; fileName: string }>(`/api/overview.xlsx/link${query}`, 'POST').catch((error: unknown) => {
    // 503: the server has no public address (WEB_APP_URL) for Telegram to fetch from; try the browser's own download
    if (error instanceof ApiError && error.status === 503) return null;
    throw error;
  });
  if (!link) return download(`/api/overview.xlsx${query}`, fileName);
  telegramDownload({ url: link.url, file_name: link.fileName });
}

/** Fetches a file with the same credentials and hands it to the browser as a download. */
async function download(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, { headers: headers(), credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, 'download');
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
