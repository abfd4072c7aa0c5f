import { describe, expect, it } from 'vitest';
import type { Outgoing } from '../../src/core/message.js';
import { renderDiscord } from '../../src/render/discord.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSlack } from '../../src/render/slack.js';
import { hostileText, seedDigest, seedStory } from './fixtures.js';
import { discordViolations, slackViolations } from './limits.js';

const zws = '\u200B';
const hostile: Outgoing = {
  type: 'digest',
  digest: {
    ...seedDigest,
    title: 'Digest <!here>',
    stories: [{
      ...seedStory,
      headline: '# @everyone <@U123>',
      summary: [{ ...seedStory.summary[0]!, text: hostileText }],
      quote: { ...seedStory.quote!, text: '<!channel> now', speaker: '*Kim* @here' },
      sources: [{ name: '<@&123> & co', articleId: seedStory.sources[0]!.articleId, url: 'https://x.test/a?b=1&c=<2>|3' }],
    }],
  },
};

describe('article text that tries to ping or inject markup', () => {
  it('Slack: rendered as inert text in every field, the fallback included', () => {
    const [message] = renderSlack(hostile);
    expect(slackViolations(message!)).toEqual([]);
    expect(message!.text).toBe(`Digest &lt;!here&gt;: # @${zws}everyone &lt;@U123&gt;`);
    const texts = message!.blocks.flatMap((b) => (b.type === 'section' ? [b.text?.text] : b.type === 'context' ? b.elements.map((e) => e.text) : b.type === 'header' ? [b.text.text] : []));
    expect(texts).toEqual([
      'Digest &lt;!here&gt;',
      '26 Dec 2025 · 1 story',
      `*# @${zws}everyone &lt;@U123&gt;*\nHi @${zws}everyone and @${zws}here &lt;!channel&gt; &lt;@U123&gt; &lt;@&amp;123&gt; &lt;#456&gt; a &amp; b &lt; c &gt; d ∗bold∗ ＿it＿ ∼del∼ ˋcodeˋ [x](http://e.vil) |sp|`,
      `>“&lt;!channel&gt; now” — _∗Kim∗ @${zws}here_`,
      'Source: <https://x.test/a?b=1&amp;c=%3C2%3E%7C3|&lt;@&amp;123&gt; &amp; co>',
    ]);
    expect(JSON.stringify(message)).not.toMatch(/<[!@#]/);
  });

  it('Discord: escaped text and no mention parsing', () => {
    const [message] = renderDiscord(hostile);
    expect(discordViolations(message!)).toEqual([]);
    expect(message!.allowed_mentions).toEqual({ parse: [] });
    expect(message!.content).toBe('**Digest \\<!here>** · 26 Dec 2025 · 1 story');
    expect(message!.embeds[0]!.title).toBe(`1. \\# @${zws}everyone \\<@U123>`);
    expect(message!.embeds[0]!.description).toBe(
      `Hi @${zws}everyone and @${zws}here \\<!channel> \\<@U123> \\<@&123> \\<#456> a & b \\< c > d \\*bold\\* \\_it\\_ \\~del\\~ \\\`code\\\` \\[x\\]\\(http://e.vil\\) \\|sp\\|\n\n` +
        `> “\\<!channel> now” — *\\*Kim\\* @${zws}here*\nSource: [\\<@&123> & co](https://x.test/a?b=1&c=%3C2%3E%7C3)`,
    );
  });

  it('Markdown: no heading, link, HTML or emphasis comes from article text', () => {
    expect(renderMarkdown(hostile)).toBe(
      [
        '# Digest \\<!here\\>',
        '_26 Dec 2025 · 1 story_',
        '## \\# @everyone \\<@U123\\>',
        'Hi @everyone and @here \\<!channel\\> \\<@U123\\> \\<@&123\\> \\<#456\\> a & b \\< c \\> d \\*bold\\* \\_it\\_ \\~del\\~ \\`code\\` \\[x\\](http://e.vil) \\|sp\\|',
        '> “\\<!channel\\> now” — \\*Kim\\* @here',
        'Source: [\\<@&123\\> & co](<https://x.test/a?b=1&c=%3C2%3E|3>)',
        '_article seo0001 · story st00001_',
      ].join('\n\n') + '\n',
    );
  });
});
