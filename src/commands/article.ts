import type { Action, Block, Reply } from '../core/message.js';
import { paginate } from './paginate.js';
import { notice } from './replies.js';
import { describeSource } from '../core/source-name.js';
import { isLinkableUrl } from '../core/web-link.js';
import type { ArticleRecord, CommandDeps } from './types.js';

/** Button values for paging and sharing: "<article id>:<page number from 1>". */
export function pageValue(id: string, page: number): string {
  return `${id}:${page}`;
}

export function parsePageValue(value: string): { id: string; page: number } | undefined {
  const match = /^([a-z0-9]{1,16}):(\d{1,4})$/i.exec(value);
  return match ? { id: match[1]!, page: Number(match[2]) } : undefined;
}

/**
 * One page of an article's full text. Ephemeral pages carry Prev/Next and *Share in channel*; a shared page
 * is posted for everyone and carries no buttons that would page it for the whole channel. Every page links
 * back to the original when the article came from the web, so a reader can check it where it was published.
 */
export function articlePage(article: ArticleRecord, requested: number, visibility: Reply['visibility'] = 'ephemeral'): Reply {
  const pages = paginate(article.body);
  const page = Math.min(Math.max(1, requested), pages.length);
  const actions: Action[] = [];
  if (visibility === 'ephemeral') {
    if (page > 1) actions.push({ kind: 'page', label: 'Prev', value: pageValue(article.id, page - 1) });
    if (page < pages.length) actions.push({ kind: 'page', label: 'Next', value: pageValue(article.id, page + 1) });
    actions.push({ kind: 'quotes', label: 'Quotes', value: article.id });
    actions.push({ kind: 'share', label: 'Share in channel', value: pageValue(article.id, page) });
  }
  const fields = [
    { label: 'Source', value: describeSource(article.meta) },
    { label: 'Id', value: article.id },
    ...(pages.length > 1 ? [{ label: 'Page', value: `${page} of ${pages.length}` }] : []),
  ];
  const blocks: Block[] = [
    { kind: 'heading', text: article.title },
    { kind: 'fields', fields },
    { kind: 'text', text: pages[page - 1]! },
    ...(isLinkableUrl(article.meta.url) ? [{ kind: 'link' as const, label: 'Open original', url: article.meta.url }] : []),
    ...(actions.length > 0 ? [{ kind: 'actions' as const, actions }] : []),
  ];
  return { visibility, summary: `${article.title} (${article.id})${pages.length > 1 ? `, page ${page} of ${pages.length}` : ''}`, blocks };
}

/** Article ids are 6–8 characters of a lower-case base32 alphabet; users may type them in any case. */
export function looksLikeId(text: string): boolean {
  return /^[a-z0-9]{6,8}$/i.test(text);
}

export type Lookup = { readonly found: ArticleRecord } | { readonly reply: Reply };

/**
 * Resolves "<id or words>": an exact id first, then the best search hit; a miss on something id-shaped
 * answers with the closest ids, so a typo gets a useful correction.
 */
export async function findArticle(query: string, deps: CommandDeps): Promise<Lookup> {
  const text = query.trim();
  if (looksLikeId(text)) {
    const article = await deps.articles.getArticle(text);
    if (article) return { found: article };
  }
  const [hit] = await deps.articles.search(text, { limit: 1 });
  if (hit) {
    const article = await deps.articles.getArticle(hit.id);
    if (article) return { found: article };
  }
  if (looksLikeId(text)) {
    const closest = await deps.articles.closestIds(text, 3);
    const tail = closest.length > 0 ? `closest: ${closest.join(', ')}` : 'no stored id is close; try /news <words>';
    return { reply: notice(`No article ${text}; ${tail}.`, 'error') };
  }
  return { reply: notice(`No article matches "${text}". Try /news <words> to search.`, 'error') };
}
