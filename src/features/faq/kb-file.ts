import { LineCounter, parseDocument, stringify, type Node } from 'yaml';
import { entryFromInput, entryToInput, faqFileSchema, type FaqBasis, type FaqEntry } from './schemas.js';

export interface LineError {
  line: number;
  message: string;
}

export type ParsedFaqFile = { ok: true; entries: FaqEntry[]; basis: FaqBasis | null } | { ok: false; errors: LineError[] };

/**
 * Reads the knowledge-base file (YAML, or JSON which is YAML too). Every problem is reported with
 * the line it is on: YAML syntax, schema violations (zod) and duplicate slugs. Pure: no database.
 */
export function parseFaqFile(text: string): ParsedFaqFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => ({ line: lineOf(e.pos[0]), message: `YAML: ${e.message.split('\n')[0]}` })) };
  }
  const data: unknown = doc.toJS();
  const parsed = faqFileSchema.safeParse(data);
  const errors: LineError[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      // an unknown key: point at the key itself
      if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) path.push(issue.keys[0]!);
      // the deepest node that exists along the path gives the line
      let node: unknown = undefined;
      for (let n = path.length; n >= 0 && !node; n--) node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as Node | undefined)?.range;
      errors.push({ line: lineOf(range?.[0]), message: `${describePath(path, data)}: ${issue.message}` });
    }
  } else {
    const seen = new Map<string, number>();
    parsed.data.entries.forEach((entry, i) => {
      const node = doc.getIn(['entries', i, 'slug'], true) as Node | undefined;
      const line = lineOf(node?.range?.[0]);
      const first = seen.get(entry.slug);
      if (first !== undefined) errors.push({ line, message: `entries[${i}].slug: "${entry.slug}" is already used on line ${first}` });
      else seen.set(entry.slug, line);
    });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, entries: parsed.data!.entries.map(entryFromInput), basis: parsed.data!.basis ?? null };
}

function describePath(path: Array<string | number>, data: unknown): string {
  if (path.length === 0) return 'file';
  // entries[3] (slug) .answer — the slug helps find the entry when the line is far away
  let label = '';
  for (const p of path) label += typeof p === 'number' ? `[${p}]` : label ? `.${p}` : p;
  const i = path[0] === 'entries' && typeof path[1] === 'number' ? path[1] : -1;
  const entries = (data as { entries?: unknown } | null)?.entries;
  const slug = i >= 0 && Array.isArray(entries) ? (entries[i] as { slug?: unknown } | undefined)?.slug : undefined;
  return typeof slug === 'string' ? `${label} (${slug})` : label;
}

/** The knowledge base as the same YAML format `parseFaqFile` reads (a round trip changes nothing). */
export function formatFaqFile(entries: readonly FaqEntry[], basis: FaqBasis | null = null): string {
  const header = '# 班级党建助手 · 入党问答知识库（导出）\n# 导入：npm run cli -- faq import FILE\n\n';
  const body = stringify(
    { version: 1, ...(basis ? { basis } : {}), entries: entries.map(entryToInput) },
    { lineWidth: 0, blockQuote: 'literal', defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' },
  );
  return header + body;
}
