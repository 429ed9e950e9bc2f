/** What the page uses of Telegram's Mini App object (telegram-web-app.js), when it has loaded. */
interface WebApp {
  initData: string;
  colorScheme?: 'light' | 'dark';
  themeParams?: Record<string, string>;
  ready?(): void;
  expand?(): void;
  openTelegramLink?(url: string): void;
  openLink?(url: string): void;
  onEvent?(event: string, handler: () => void): void;
  /** Bot API 8.0: Telegram asks the user and saves the file at `url` itself (a blob or <a download> does nothing in the phone webviews). */
  downloadFile?(params: { url: string; file_name: string }, callback?: (accepted: boolean) => void): void;
  isVersionAtLeast?(version: string): boolean;
  BackButton?: { show(): void; hide(): void; onClick(handler: () => void): void; offClick(handler: () => void): void };
}

declare global {
  interface Window {
    Telegram?: { WebApp?: WebApp };
  }
}

export const webApp = (): WebApp | undefined => window.Telegram?.WebApp;

/** Telegram's own download, when the page runs inside a Telegram client that has it; null elsewhere (a desktop browser, an older client). */
export function telegramDownloader(): ((params: { url: string; file_name: string }) => void) | null {
  const app = webApp();
  if (!app?.initData || typeof app.downloadFile !== 'function') return null;
  if (app.isVersionAtLeast && !app.isVersionAtLeast('8.0')) return null;
  return (params) => app.downloadFile!(params);
}

/** Telegram also passes the launch data in the URL's hash (#tgWebAppData=…&tgWebAppThemeParams=…). */
function hashParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.replace(/^#/, ''));
}

/** The signed initData string, sent to the server as is (the server checks it; the page trusts nothing in it). */
export function initData(): string | null {
  const fromApp = webApp()?.initData;
  if (fromApp) return fromApp;
  return hashParams().get('tgWebAppData') || null;
}

/** The user's language_code from initData, for pages shown before the server answers. */
export function languageCode(): string | null {
  const data = initData();
  if (!data) return null;
  try {
    const user = JSON.parse(new URLSearchParams(data).get('user') ?? '{}') as { language_code?: string };
    return user.language_code ?? null;
  } catch {
    return null;
  }
}

function themeParams(): Record<string, string> {
  const fromApp = webApp()?.themeParams;
  if (fromApp && Object.keys(fromApp).length > 0) return fromApp;
  try {
    return JSON.parse(hashParams().get('tgWebAppThemeParams') ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

const COLOR = /^#[0-9a-fA-F]{3,8}$/;

/** themeParams → --tg-theme-* CSS variables, and the light/dark scheme. */
export function applyTheme(): void {
  const root = document.documentElement;
  const params = themeParams();
  for (const [key, value] of Object.entries(params)) {
    if (/^[a-z_]+$/.test(key) && COLOR.test(value)) root.style.setProperty(`--tg-theme-${key.replace(/_/g, '-')}`, value);
  }
  const scheme =
    webApp()?.colorScheme ??
    (params.bg_color ? (isDark(params.bg_color) ? 'dark' : 'light') : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  root.dataset.scheme = scheme;
}

export const isDarkScheme = (): boolean => document.documentElement.dataset.scheme === 'dark';

function isDark(hex: string): boolean {
  const full = hex.length === 4 ? hex.replace(/^#(.)(.)(.)$/, '#$1$1$2$2$3$3') : hex;
  const n = parseInt(full.slice(1, 7), 16);
  const luminance = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return luminance < 128;
}

/** t.me links inside Telegram, any other link in the browser. */
export function openLink(url: string): void {
  const app = webApp();
  if (app?.openTelegramLink && url.startsWith('https://t.me/')) app.openTelegramLink(url);
  else window.open(url, '_blank', 'noopener');
}
