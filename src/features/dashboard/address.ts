/** An address beside the page: `path` relative to WEB_APP_URL (which may or may not end in a slash). */
export function pageAddress(webAppUrl: string, path: string): string {
  return new URL(path, webAppUrl.endsWith('/') ? webAppUrl : `${webAppUrl}/`).href;
}
