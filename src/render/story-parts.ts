import type { DigestStory, Quote, SourceRef } from '../core/digest.js';
import type { Action, Block, Reply } from '../core/message.js';
import { defaultActionLabels } from './action-id.js';

/**
 * The platform-neutral wording of a story and its surroundings, shared by the three renderers so a digest
 * says the same thing everywhere. Link/escape formatting is passed in: each platform marks up differently.
 */
export type FormatSource = (source: SourceRef) => string;

type Fits = (line: string) => boolean;
const always: Fits = () => true;

/** `names` joined with "; ", trailing ones giving way to "and N more" until the line fits (one name always stays). */
function namesLine(names: readonly string[], line: (names: string) => string, fits: Fits): string {
  for (let kept = names.length; kept >= 1; kept--) {
    const more = kept < names.length ? ` and ${names.length - kept} more` : '';
    const candidate = line(`${names.slice(0, kept).join('; ')}${more}`);
    if (fits(candidate) || kept === 1) return candidate;
  }
  return line(names.join('; '));
}

/**
 * Each outlet once, in order of first appearance, linked to its first report: "EFE (2 reports)" rather than
 * "EFE; Xinhua; EFE" when an agency filed a story and then an update. Every report stays in the digest's data.
 */
function outletNames(sources: readonly SourceRef[], format: FormatSource): string[] {
  const byName = new Map<string, SourceRef[]>();
  for (const source of sources) byName.set(source.name, [...(byName.get(source.name) ?? []), source]);
  return [...byName.values()].map((reports) => (reports.length === 1 ? format(reports[0]!) : `${format(reports[0]!)} (${reports.length} reports)`));
}

/** "Sources: AFP; Seoul dateline, 26 Dec 2025" ("Source:" for one outlet); never cut through a name or a link. */
export function sourcesLine(sources: readonly SourceRef[], format: FormatSource, fits: Fits = always): string | undefined {
  const names = outletNames(sources, format);
  if (names.length === 0) return undefined;
  const label = names.length === 1 ? 'Source' : 'Sources';
  return namesLine(names, (line) => `${label}: ${line}`, fits);
}

/** "(updated: new sources X; Y)" for a story sent before that gained sources since. */
export function updatedLine(story: DigestStory, format: FormatSource, fits: Fits = always): string | undefined {
  const names = outletNames(story.updated?.newSources ?? [], format);
  if (names.length === 0) return undefined;
  const label = names.length === 1 ? 'source' : 'sources';
  return namesLine(names, (line) => `(updated: new ${label} ${line})`, fits);
}

/**
 * The quote in typographic quotes, without the comma that joined it to "…, Kim said"; a fragment quoted
 * inside a paraphrase gets ellipses to show it is one.
 */
export function quoteText(quote: Quote): string {
  const text = quote.text.replace(/[,;:]\s*$/, '');
  return quote.partial ? `“…${text}…”` : `“${text}”`;
}

export function summarySentences(story: DigestStory): string[] {
  return story.summary.map((sentence) => sentence.text);
}

export const joinSentences = (sentences: readonly string[]): string => sentences.join(' ');

/**
 * The buttons under a story. *Full article* opens the article the summary leads with; *Quotes* only when the
 * story has a quote worth listing, so no button leads to an empty answer.
 */
export function storyActions(story: DigestStory): Action[] {
  const leadArticle = story.summary[0]?.articleId ?? story.sources[0]?.articleId;
  const actions: Action[] = [];
  if (leadArticle !== undefined) actions.push({ kind: 'article', label: defaultActionLabels.article, value: leadArticle });
  if (story.quote !== undefined) actions.push({ kind: 'quotes', label: defaultActionLabels.quotes, value: story.storyId });
  actions.push({ kind: 'discuss', label: defaultActionLabels.discuss, value: story.storyId });
  return actions;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "26 Dec 2025" from the ISO date the digest was composed for (its own calendar day, no time-zone shift). */
export function digestDate(composedAt: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(composedAt);
  const month = months[Number(match?.[2]) - 1];
  if (!match || month === undefined) return composedAt;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

export function storyCount(count: number): string {
  return `${count} ${count === 1 ? 'story' : 'stories'}`;
}

/** "Title (2/3)" on every message after the first of a split. */
export function partTitle(title: string, index: number, total: number): string {
  return total > 1 && index > 0 ? `${title} (${index + 1}/${total})` : title;
}

/** A reply without blocks still says something: its summary, as text. */
export function replyBlocks(reply: Reply): readonly Block[] {
  return reply.blocks.length > 0 ? reply.blocks : [{ kind: 'text', text: reply.summary }];
}
