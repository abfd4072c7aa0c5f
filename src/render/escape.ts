/**
 * Escaping of plain article text for each output. Every renderer passes article text (headlines, sentences,
 * quotes, source names, page text) through exactly one of these before it goes into markup.
 */

const zeroWidthSpace = '\u200B';

/**
 * Slack mrkdwn. `&`, `<`, `>` become entities, so `<!channel>`, `<!here>`, `<!everyone>` and `<@U123>` stay
 * text. Slack has no backslash escape for `*`, `_`, `~` and `` ` ``, and zero-width characters do not help:
 * Slack treats them as word boundaries, which is how people force formatting *inside* words. So each
 * metacharacter becomes a look-alike that is not markup (∗ U+2217, ＿ U+FF3F, ∼ U+223C, ˋ U+02CB): the
 * words read the same and no parser can turn them into formatting. A line starting with `>` (a quote once
 * escaped to `&gt;`) gets a zero-width space in front so it is not a block quote; broadcast words get one
 * after the `@` as a second guard next to `verbatim: true`.
 */
const slackLookalikes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '*': '∗', _: '＿', '~': '∼', '`': 'ˋ' };

export function escapeSlack(text: string): string {
  return text
    .replace(/[&<>*_~`]/g, (c) => slackLookalikes[c] ?? c)
    .replace(/^([ \t]*)&gt;/gm, `$1${zeroWidthSpace}&gt;`)
    .replace(/@(here|channel|everyone)\b/gi, `@${zeroWidthSpace}$1`);
}

/**
 * Discord markdown honours backslash escapes, so metacharacters are escaped in place and the text reads
 * unchanged. Mentions: `@everyone`/`@here` get a zero-width space after `@`; `<@123>`, `<@&123>`, `<#123>`
 * (and `<t:…>`, `</cmd:…>`) lose their meaning because every `<` is escaped. allowed_mentions is the guard
 * that really stops pings; this keeps the text from even looking like one.
 */
export function escapeDiscord(text: string): string {
  return text
    .replace(/[\\*_~`|[\]()<]/g, '\\$&')
    .replace(/^([ \t]*)([>#-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\.(?=\s)/gm, '$1\\.')
    .replace(/@(everyone|here)\b/gi, `@${zeroWidthSpace}$1`);
}

/**
 * CommonMark (the archive and the terminal). Inline metacharacters, HTML and link syntax are escaped
 * everywhere; block syntax only where it could start a block (line start), so "U.S." or "Chan-il" stay as
 * written and the file stays readable.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_~[\]<>|]/g, '\\$&')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    .replace(/^[ \t]+/gm, '')
    .replace(/^([#=-]|\+(?=\s))/gm, '\\$1')
    .replace(/^(\d+)([.)])(?=\s)/gm, '$1\\$2');
}
