import { describe, expect, it } from 'vitest';
import { escapeDiscord, escapeMarkdown, escapeSlack } from '../../src/render/escape.js';
import { hostileText } from './fixtures.js';

const zws = '\u200B';

describe('escaping article text', () => {
  it('Slack: entities for & < >, look-alikes for mrkdwn marks, defused broadcast words', () => {
    expect(escapeSlack(hostileText)).toBe(
      `Hi @${zws}everyone and @${zws}here &lt;!channel&gt; &lt;@U123&gt; &lt;@&amp;123&gt; &lt;#456&gt; a &amp; b &lt; c &gt; d ∗bold∗ ＿it＿ ∼del∼ ˋcodeˋ [x](http://e.vil) |sp|`,
    );
    expect(escapeSlack('> not a quote\n  > nor this')).toBe(`${zws}&gt; not a quote\n  ${zws}&gt; nor this`);
  });

  it('Discord: backslash escapes, line-start block marks, defused mentions', () => {
    expect(escapeDiscord(hostileText)).toBe(
      `Hi @${zws}everyone and @${zws}here \\<!channel> \\<@U123> \\<@&123> \\<#456> a & b \\< c > d \\*bold\\* \\_it\\_ \\~del\\~ \\\`code\\\` \\[x\\]\\(http://e.vil\\) \\|sp\\|`,
    );
    expect(escapeDiscord('# Big\n> quote\n- item\n1. first\n-# small\nback\\slash')).toBe('\\# Big\n\\> quote\n\\- item\n1\\. first\n\\-# small\nback\\\\slash');
  });

  it('CommonMark: inline marks, HTML and links escaped; block marks only at line start', () => {
    expect(escapeMarkdown(hostileText)).toBe(
      'Hi @everyone and @here \\<!channel\\> \\<@U123\\> \\<@&123\\> \\<#456\\> a & b \\< c \\> d \\*bold\\* \\_it\\_ \\~del\\~ \\`code\\` \\[x\\](http://e.vil) \\|sp\\|',
    );
    expect(escapeMarkdown('# Heading\n    code\n1. item\n+ plus\n=====\n&amp; U.S. Chan-il')).toBe('\\# Heading\ncode\n1\\. item\n\\+ plus\n\\=====\n\\&amp; U.S. Chan-il');
  });
});
