/** The page's files by name (index.html, app.js, app.css, link-refused.html), bundled in memory. */
export function bundleWeb(): Promise<Record<string, Uint8Array>>;
export const WEB_FILES: string[];
