import type { Reply } from '../core/message.js';
import { notice } from './replies.js';
import type { CommandDeps } from './types.js';

const hitsShown = 10;
const buttonsShown = 5;

/** `/news <words>`: ranked search hits, each with its id, and buttons opening the best few. */
export async function news(words: string, deps: CommandDeps): Promise<Reply> {
  const hits = await deps.articles.search(words, { limit: hitsShown });
  if (hits.length === 0) return notice(`Nothing stored matches "${words}".`);
  return {
    visibility: 'ephemeral',
    summary: `${hits.length} article${hits.length === 1 ? '' : 's'} match "${words}"`,
    blocks: [
      { kind: 'heading', text: `News: ${words}` },
      { kind: 'list', items: hits.map((h) => ({ title: `${h.title} (${h.id})`, detail: h.snippet })) },
      { kind: 'actions', actions: hits.slice(0, buttonsShown).map((h) => ({ kind: 'article' as const, label: `Read ${h.id}`, value: h.id })) },
    ],
  };
}
