import { describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/core/article.js';
import type { Outgoing } from '../../src/core/message.js';
import { renderDiscord } from '../../src/render/discord.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderSlack } from '../../src/render/slack.js';
import { articlePageReply, noticeReply, quotesReply, seedDigest, seedStory } from './fixtures.js';

// Reviewed by hand: a change here changes what users see, so it shows up as a diff of these files.
const cases: Record<string, Outgoing> = {
  'seed-digest': { type: 'digest', digest: seedDigest },
  'updated-story': { type: 'digest', digest: { ...seedDigest, stories: [{ ...seedStory, updated: { newSources: [{ name: 'AFP', articleId: seedStory.sources[0]!.articleId, url: 'https://www.afp.com/en/news' }] } }] } },
  'outlet-twice': {
    type: 'digest',
    digest: { ...seedDigest, stories: [{ ...seedStory, sources: [...seedStory.sources, { name: seedStory.sources[0]!.name, articleId: 'u9pd2rk' as ArticleId, url: 'https://www.afp.com/en/news/update' }] }] },
  },
  'article-page': { type: 'reply', reply: articlePageReply('Kim Jong Un visited multiple weapons factories.\n\nHe urged readiness for intensive work next year.') },
  'quotes': { type: 'reply', reply: quotesReply },
  'notice': { type: 'reply', reply: noticeReply },
};

describe.each(Object.entries(cases))('golden output: %s', (name, out) => {
  it('Slack Block Kit', async () => {
    await expect(`${JSON.stringify(renderSlack(out), null, 2)}\n`).toMatchFileSnapshot(`./__golden__/${name}.slack.json`);
  });

  it('Discord', async () => {
    await expect(`${JSON.stringify(renderDiscord(out), null, 2)}\n`).toMatchFileSnapshot(`./__golden__/${name}.discord.json`);
  });

  it('Markdown', async () => {
    await expect(renderMarkdown(out)).toMatchFileSnapshot(`./__golden__/${name}.md`);
  });
});
