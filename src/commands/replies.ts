import type { Reply } from '../core/message.js';

/** A one-block reply: the shape of every refusal, error and short confirmation. */
export function notice(text: string, level: 'info' | 'error' = 'info', visibility: Reply['visibility'] = 'ephemeral'): Reply {
  return { visibility, summary: text, blocks: [{ kind: 'notice', level, text }] };
}
