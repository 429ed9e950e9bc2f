/**
 * Splits command arguments on spaces, keeping a quoted part whole: `"计算机 2101班" CS2101` →
 * ["计算机 2101班", "CS2101"]. Straight and Chinese quotes both work (phones often type “…”).
 * Returns null when a quote is left open.
 */
export function splitQuotedArgs(text: string): string[] | null {
  const args: string[] = [];
  const pattern = /"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)/gy;
  const rest = text.trim();
  let index = 0;
  while (index < rest.length) {
    while (rest[index] === ' ' || rest[index] === '\t' || rest[index] === '\u3000') index++;
    if (index >= rest.length) break;
    pattern.lastIndex = index;
    const match = pattern.exec(rest);
    if (!match) return null;
    const word = match[1] ?? match[2] ?? match[3] ?? match[4]!;
    if (match[4] !== undefined && /["“”「」]/.test(word)) return null;
    args.push(word);
    index = pattern.lastIndex;
  }
  return args;
}
