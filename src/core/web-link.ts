/** Longer URLs are mostly tracking noise, and a link that long would crowd out text under the platforms' limits. */
export const maxLinkedUrlLength = 500;

/**
 * Whether `url` may become a link anyone can click: http(s) only, so a `javascript:` or `file:` URL from a
 * file's front matter or a feed is never offered, and no whitespace that would break the link markup.
 */
export function isLinkableUrl(url: string | undefined): url is string {
  return url !== undefined && url.length <= maxLinkedUrlLength && /^https?:\/\/\S+$/.test(url);
}
