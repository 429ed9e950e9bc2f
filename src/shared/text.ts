const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` cut to at most `maxLength` UTF-16 code units (the unit Telegram counts in), ellipsis
 * included, on a grapheme boundary: a surrogate pair, an emoji sequence or a letter with its
 * combining marks is kept whole or left out whole. Telegram refuses text with a lone surrogate, so
 * every cut of user text goes through here.
 */
export function cutText(text: string, maxLength: number, ellipsis = '…'): string {
  if (text.length <= maxLength) return text;
  const mark = ellipsis.length <= maxLength ? ellipsis : '';
  const budget = Math.max(0, maxLength - mark.length);
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > budget) break;
    end = index + segment.length;
  }
  return text.slice(0, end) + mark;
}
