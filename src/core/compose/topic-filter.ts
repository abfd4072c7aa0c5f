import type { TopicFilter } from '../subscription.js';
import { contentTerms } from '../text/terms.js';
import type { StoryInput } from './story-input.js';

/**
 * Does a story match a subscription's topic? A keyword matches when all its content words occur in one of
 * the story's articles (stemmed, so "missiles" finds "missile"); a source matches when an article's outlet,
 * credit or dateline contains it (case-insensitive). Either kind is enough.
 */
export function topicMatcher(topic: TopicFilter | undefined): (story: StoryInput) => boolean {
  if (!topic || (topic.keywords.length === 0 && topic.sources.length === 0)) return () => true;
  const keywordTerms = topic.keywords.map((k) => contentTerms(k)).filter((terms) => terms.length > 0);
  const sources = topic.sources.map((s) => s.toLowerCase());
  return (story) =>
    story.articles.some((article) => {
      const origin = [article.meta.source, article.meta.credit, article.meta.dateline].filter(Boolean).join(' ').toLowerCase();
      if (sources.some((s) => origin.includes(s))) return true;
      if (keywordTerms.length === 0) return false;
      const terms = new Set(contentTerms(`${article.title} ${article.body}`));
      return keywordTerms.some((kw) => kw.every((t) => terms.has(t)));
    });
}
