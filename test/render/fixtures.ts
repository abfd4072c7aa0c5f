import type { ArticleId, StoryId } from '../../src/core/article.js';
import type { Digest, DigestStory } from '../../src/core/digest.js';
import type { Reply } from '../../src/core/message.js';

/** Hand-built from the two seed articles: verbatim sentences, the real sources and Kim Jong Un's quote. */
export const afpId = 'afp0001' as ArticleId;
export const seoulId = 'seo0001' as ArticleId;
export const storyId = 'st00001' as StoryId;

export const seedStory: DigestStory = {
  storyId,
  headline: 'North Korean leader Kim Jong Un has ordered officials to step up production of missiles',
  summary: [
    {
      text: "North Korean leader Kim Jong Un has ordered officials to step up production of missiles and construct more factories to meet his military's growing need for the projectiles, state media said on Friday (Dec 26).",
      articleId: seoulId,
      sentenceIndex: 0,
    },
    {
      text: 'Analysts are watching closely, interpreting this as preparation to export weapons to assist Russia in the Ukraine conflict in exchange for advanced military technology.',
      articleId: afpId,
      sentenceIndex: 1,
    },
    {
      text: 'In return, Russia is sending North Korea financial aid, military technology and food and energy supplies, analysts say.',
      articleId: seoulId,
      sentenceIndex: 7,
    },
  ],
  sources: [
    { name: 'AFP', articleId: afpId },
    { name: 'Seoul dateline, 26 Dec 2025', articleId: seoulId, published: '2025-12-26' },
  ],
  quote: {
    text: 'The missile and shell production sector is of paramount importance in bolstering up the war deterrent,',
    speaker: 'Kim Jong Un',
    articleId: seoulId,
    partial: false,
    sentenceIndex: 5,
  },
};

export const seedDigest: Digest = {
  title: 'Wirebrief morning digest',
  composedAt: '2025-12-26T08:00:00+01:00',
  channel: { platform: 'slack', workspace: 'T1', channel: 'C1' },
  stories: [seedStory],
};

/** A story whose text tries every trick: pings, HTML/mrkdwn entities and Markdown metacharacters. */
export const hostileText = 'Hi @everyone and @here <!channel> <@U123> <@&123> <#456> a & b < c > d *bold* _it_ ~del~ `code` [x](http://e.vil) |sp|';

export const articlePageReply = (body: string): Reply => ({
  visibility: 'ephemeral',
  summary: 'North Korean leader Kim Jong Un has ordered officials to step up production of missiles (AFP)',
  blocks: [
    { kind: 'heading', text: "Kim Jong Un orders more missile factories" },
    { kind: 'fields', fields: [{ label: 'Source', value: 'AFP' }, { label: 'Published', value: '26 Dec 2025' }] },
    { kind: 'text', text: body },
    { kind: 'link', label: 'Open original', url: 'https://www.afp.com/en/news/kim-missile-factories' },
    { kind: 'actions', actions: [{ kind: 'page', label: 'Next page', value: `${afpId}:2` }] },
  ],
});

export const quotesReply: Reply = {
  visibility: 'channel',
  summary: '2 quotes on the story',
  blocks: [
    { kind: 'heading', text: 'Quotes' },
    { kind: 'quote', quote: seedStory.quote!, sourceName: 'Seoul dateline, 26 Dec 2025' },
    {
      kind: 'quote',
      quote: {
        text: 'With its ICBM programme already at a stage widely seen as having achieved core objectives, Pyongyang is likely to further accelerate development next year,',
        speaker: 'Ahn Chan-il',
        articleId: seoulId,
        partial: false,
        sentenceIndex: 9,
      },
      sourceName: 'Seoul dateline, 26 Dec 2025',
    },
  ],
};

export const noticeReply: Reply = {
  visibility: 'ephemeral',
  summary: 'No article matches "zzz"',
  blocks: [{ kind: 'notice', level: 'error', text: 'No article matches "zzz". Try /news with other words.' }],
};
