import type { Digest, DigestStory } from '../digest.js';

/**
 * The JSON shape of a digest for `wirebrief digest --json` and the archive: stable field names that scripts
 * can rely on ({"stories":[{"id","headline","summary":[{"text","articleId"}],"sources":[{"name","articleId"}]}]}).
 */
export function storyJson(story: DigestStory) {
  return {
    id: story.storyId,
    headline: story.headline,
    summary: story.summary.map((s) => ({ text: s.text, articleId: s.articleId, sentenceIndex: s.sentenceIndex })),
    sources: story.sources.map((s) => ({ name: s.name, articleId: s.articleId, ...(s.url ? { url: s.url } : {}), ...(s.published ? { published: s.published } : {}) })),
    ...(story.quote ? { quote: { text: story.quote.text, speaker: story.quote.speaker, articleId: story.quote.articleId } } : {}),
    ...(story.updated ? { updated: { newSources: story.updated.newSources.map((s) => ({ name: s.name, articleId: s.articleId })) } } : {}),
    ...(story.keyTerms ? { keyTerms: story.keyTerms } : {}),
  };
}

export function digestJson(digest: Digest) {
  return { title: digest.title, composedAt: digest.composedAt, channel: digest.channel, stories: digest.stories.map(storyJson) };
}
