/** Escape user text for Telegram's HTML parse mode. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Pre-built HTML that `t()` inserts as it is (already escaped by whoever built it). */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export const html = (s: string) => new Html(s);

/** A mention that works with or without a username: a link to the user's id. */
export function mention(telegramUserId: number, name: string): Html {
  return new Html(`<a href="tg://user?id=${telegramUserId}">${escapeHtml(name)}</a>`);
}

export function joinHtml(parts: Array<Html | string>, separator: string): Html {
  return new Html(parts.map((p) => (p instanceof Html ? p.html : escapeHtml(p))).join(escapeHtml(separator)));
}
