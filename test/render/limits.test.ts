import { describe, expect, it } from 'vitest';
import type { ArticleId, StoryId } from '../../src/core/article.js';
import type { Digest, DigestStory } from '../../src/core/digest.js';
import type { Outgoing } from '../../src/core/message.js';
import { renderDiscord } from '../../src/render/discord.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSlack } from '../../src/render/slack.js';
import { articlePageReply, seedDigest, seedStory } from './fixtures.js';
import { discordViolations, slackViolations } from './limits.js';

const storyN = (n: number, extra = ''): DigestStory => ({
  ...seedStory,
  storyId: `st${String(n).padStart(5, '0')}` as StoryId,
  headline: `Story ${n}: ${seedStory.headline}${extra}`,
  summary: seedStory.summary.map((s, i) => ({ ...s, articleId: `a${String(n).padStart(5, '0')}${i}` as ArticleId })),
});

const sixtyStories: Digest = { ...seedDigest, stories: Array.from({ length: 60 }, (_, i) => storyN(i + 1)) };
const digest = (d: Digest): Outgoing => ({ type: 'digest', digest: d });

// 20,000+ characters of article text in paragraphs, every sentence numbered so losses are visible.
const longBody = Array.from({ length: 230 }, (_, i) => `Sentence ${i} reports that officials in Pyongyang & Seoul <watch> the *missile* programme.${i % 6 === 5 ? '\n\n' : ' '}`).join('').trim();
const sentenceNumbers = (text: string): number[] => [...text.matchAll(/Sentence (\d+) reports/g)].map((m) => Number(m[1]));
const allNumbers = Array.from({ length: 230 }, (_, i) => i);

describe('limits: a 60-story digest', () => {
  it('Slack: every message within every limit, each story whole and in order', () => {
    const messages = renderSlack(digest(sixtyStories));
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(slackViolations(message)).toEqual([]);
    const perMessage = messages.map((m) => m.blocks.flatMap((b) => (b.type === 'section' && b.text !== undefined ? [...b.text.text.matchAll(/^\*Story (\d+):/gm)].map((x) => Number(x[1])) : [])));
    expect(perMessage.flat()).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // A story never straddles: its Discuss button is in the same message as its headline.
    messages.forEach((message, i) => {
      const buttons = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => e.action_id) : []));
      expect(buttons.filter((id) => id.startsWith('wb1:discuss:'))).toEqual(perMessage[i]!.map((n) => `wb1:discuss:st${String(n).padStart(5, '0')}`));
    });
    expect(messages[1]!.text).toMatch(/^Wirebrief morning digest \(2\/\d+\): Story \d+:/);
  });

  it('Discord: every message within every limit, each story with its buttons in the same message', () => {
    const messages = renderDiscord(digest(sixtyStories));
    expect(messages.length).toBe(12);
    for (const message of messages) {
      expect(discordViolations(message)).toEqual([]);
      const numbers = message.embeds.map((e) => Number(/^(\d+)\. /.exec(e.title ?? '')?.[1]));
      const discussLabels = message.components.flatMap((r) => r.components.filter((b) => b.custom_id.startsWith('wb1:discuss:')).map((b) => b.label));
      expect(discussLabels).toEqual(numbers.map((n) => `${n} · Discuss`));
    }
    expect(messages.flatMap((m) => m.embeds.map((e) => e.title?.split('.')[0]))).toEqual(Array.from({ length: 60 }, (_, i) => String(i + 1)));
  });

  it('Markdown: all 60 stories', () => {
    expect(renderMarkdown(digest(sixtyStories)).match(/^## Story \d+:/gm)).toHaveLength(60);
  });
});

describe('limits: one oversized story', () => {
  const huge: DigestStory = {
    ...storyN(1, ` ${'very long headline words '.repeat(20)}`),
    summary: Array.from({ length: 5 }, (_, i) => ({ text: `Lead sentence ${i} ${'with many words '.repeat(60)}ends here.`, articleId: 'a1' as ArticleId, sentenceIndex: i })),
    sources: Array.from({ length: 300 }, (_, i) => ({ name: `Outlet number ${i}`, articleId: `s${i}` as ArticleId, url: `https://example.com/${i}?a=1&b=(2)` })),
  };
  const out = digest({ ...seedDigest, stories: [huge] });

  it('drops trailing summary sentences, shortens the headline with an ellipsis and lists the remaining sources as a count', () => {
    const [message, ...rest] = renderSlack(out);
    expect(rest).toEqual([]);
    expect(slackViolations(message!)).toEqual([]);
    const section = message!.blocks.find((b) => b.type === 'section');
    const text = section?.type === 'section' ? section.text?.text ?? '' : '';
    expect(text).toMatch(/^\*Story 1: .*…\*\n/);
    expect(text).toContain('Lead sentence 1');
    expect(text).not.toContain('Lead sentence 2');
    expect(JSON.stringify(message)).toMatch(/and \d+ more/);
    for (const m of renderDiscord(out)) expect(discordViolations(m)).toEqual([]);
  });
});

describe('limits: a 20,000-character article page', () => {
  const out: Outgoing = { type: 'reply', reply: articlePageReply(longBody) };

  it('the body is really that long', () => {
    expect(longBody.length).toBeGreaterThan(20_000);
  });

  it('Slack: paged over sections and messages within every limit, nothing lost', () => {
    const messages = renderSlack(out);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(slackViolations(message)).toEqual([]);
    const text = messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []))).join(' ');
    expect(sentenceNumbers(text)).toEqual(allNumbers);
    expect(text).toContain('Pyongyang &amp; Seoul &lt;watch&gt; the ∗missile∗ programme.');
    expect(messages.map((m) => m.text)).toContain(`${articlePageReply('').summary} (2/${messages.length})`);
  });

  it('Discord: paged over embeds and messages within every limit, nothing lost', () => {
    const messages = renderDiscord(out);
    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) expect(discordViolations(message)).toEqual([]);
    const text = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join(' ');
    expect(sentenceNumbers(text)).toEqual(allNumbers);
    expect(text).toContain('Pyongyang & Seoul \\<watch> the \\*missile\\* programme.');
  });

  it('Markdown: the whole text', () => {
    expect(sentenceNumbers(renderMarkdown(out))).toEqual(allNumbers);
  });
});

describe('limits: the checker itself catches broken messages', () => {
  it('reports Slack and Discord violations', () => {
    expect(slackViolations({ text: '', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] })).toEqual(['text is empty', 'block 0 header is 151 characters (limit 150)', 'the fake Slack answers no_text']);
    const embed = { description: 'x'.repeat(4000) };
    expect(discordViolations({ embeds: [embed, embed], components: [], allowed_mentions: { parse: [] } })).toEqual(['embeds total 8000 characters (limit 6000)', 'the fake Discord answers 50035 at embeds: MAX_EMBED_SIZE_EXCEEDED']);
  });
});

describe('limits: large lists, many fields and repeated buttons in a reply', () => {
  const items = Array.from({ length: 200 }, (_, i) => ({ title: `Result ${i} <@U1>`, detail: `${'detail words '.repeat(20)}end ${i}` }));
  const fields = Array.from({ length: 60 }, (_, i) => ({ label: `Field ${i}`, value: 'v'.repeat(900) }));
  const next = { kind: 'page', label: 'Next page', value: 'afp0001:2' } as const;
  const out: Outgoing = {
    type: 'reply',
    reply: { visibility: 'ephemeral', summary: 'Search results', blocks: [{ kind: 'list', items }, { kind: 'fields', fields }, { kind: 'actions', actions: [next, next] }] },
  };

  it('Slack: within every limit, all 200 items kept, the repeated button shown once', () => {
    const messages = renderSlack(out);
    for (const message of messages) expect(slackViolations(message)).toEqual([]);
    expect(JSON.stringify(messages).match(/end \d+/g)).toHaveLength(200);
    expect(JSON.stringify(messages).match(/"action_id":"wb1:page:afp0001%3A2"/g)).toHaveLength(1);
  });

  it('Discord: within every limit, all 200 items and 60 fields kept', () => {
    const messages = renderDiscord(out);
    for (const message of messages) expect(discordViolations(message)).toEqual([]);
    expect(JSON.stringify(messages).match(/end \d+/g)).toHaveLength(200);
    expect(messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []))).toHaveLength(60);
    expect(messages.flatMap((m) => m.components.flatMap((r) => r.components))).toHaveLength(1);
  });
});
