/**
 * A slash command's text as the person typed it. Slack sends `&`, `<` and `>` as entities in every text it
 * forwards, so a feed URL with a query (`?a=1&b=2`) would otherwise arrive as `a=1&amp;b=2` and be fetched
 * wrong; `&amp;` goes last so a typed "&lt;" stays that text.
 */
export function typedText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
