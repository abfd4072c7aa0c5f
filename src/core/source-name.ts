import type { ArticleMeta } from './article.js';

/**
 * A short name for where an article came from, built only from what the article or its file says: the
 * outlet, else the agency credit, else the web host, else its dateline and date. Never a guessed outlet.
 */
export const unnamedSource = 'Unnamed source';
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function describeSource(meta: ArticleMeta): string {
  const named = meta.source?.trim() || meta.credit?.trim() || hostOf(meta.url);
  if (named) return named;
  const place = meta.dateline?.trim() ? `${titleCase(meta.dateline.trim())} dateline` : undefined;
  const date = meta.published ? formatDate(meta.published) : undefined;
  if (place && date) return `${place}, ${date}`;
  if (place) return place;
  if (date) return `${unnamedSource}, ${date}`;
  return unnamedSource;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** "SEOUL" → "Seoul", "ST. LOUIS, Missouri" → "St. Louis, Missouri"; mixed-case places are left alone. */
function titleCase(place: string): string {
  return place.replace(/\p{Lu}[\p{Lu}.'’-]+/gu, (word) => word.charAt(0) + word.slice(1).toLowerCase());
}

/** "2025-12-26" or "2025-12-26T08:00:00Z" → "26 Dec 2025"; anything else is shown as given. */
function formatDate(published: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  const month = match ? months[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : published;
}
