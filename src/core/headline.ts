import type { Sentence } from './article.js';
import { findLeadMarker } from './segment/lead-marker.js';

/**
 * An extractive headline: the lead sentence with its dateline, parentheticals and attribution ("state media
 * said on Friday", "KCNA reported that", "analysts say") removed, cut to at most 100 characters at the best
 * boundary. Only deletes: every word comes from the article.
 */
export const maxHeadlineLength = 100;

const attributionVerb = String.raw`(?:said|says|say|reported|reports|announced|confirmed|told \w+|added|stated)`;
// Bounded quantifiers only (at most 80 characters of lookahead), so these cannot backtrack badly.
const leadingAttribution = new RegExp(String.raw`^(?:according to [^,;:"“]{1,60},\s*|[^,;:"“]{1,80}?\b${attributionVerb}\s+(?:on \w+\s+)?that\s+)`, 'i');
const insertedAttribution = new RegExp(String.raw`,\s*(?:[\p{L}'’-]+\s){0,4}${attributionVerb}\s*,`, 'giu');
const trailingAttribution = new RegExp(String.raw`(?:,|\s[-–—]+)\s*(?:[^,]{0,60}\b${attributionVerb}\b[^,]{0,40}|according to [^,]{1,80})$`, 'i');
const parenthetical = /\s*\([^()]{0,80}\)/g;
const conjunction = /\s(?:and|but|while|as|after|before|to|which|who|where|when|including|amid|with|because|despite|following)\s/gi;
const trailingJunk = /(?:[\s,;:–—-]+|\s+(?:and|or|but|the|a|an|of|to|in|on|at|for|with|by|from|as|that|which|who|its|his|her|their)\b)+$/i;
const minUsefulLength = 40;

export function extractHeadline(body: string, sentences: readonly Sentence[]): string {
  const lead = sentences.find((s) => /\p{L}/u.test(s.text))?.text ?? body.trim();
  let text = lead.slice(findLeadMarker(lead)?.end ?? 0);
  text = text.replace(parenthetical, '').replace(insertedAttribution, '');
  const withoutLeading = text.replace(leadingAttribution, '');
  if (withoutLeading.length >= minUsefulLength / 2) text = withoutLeading;
  text = stripEnd(text);
  const withoutTrailing = text.replace(trailingAttribution, '');
  if (withoutTrailing.length >= minUsefulLength / 2) text = stripEnd(withoutTrailing);
  if (text.length > maxHeadlineLength) text = cut(text);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function stripEnd(text: string): string {
  return text.replace(/[\s.!?…"'”’]+$/u, '').replace(trailingJunk, '').trim();
}

/** Cuts at the last clause break, else before the last conjunction, else at the last word break that fits. */
function cut(text: string): string {
  const fits = (at: number): boolean => at >= minUsefulLength && at <= maxHeadlineLength;
  const clauseBreaks = [...text.matchAll(/[,;:]\s|\s[-–—]+\s/g)].map((m) => m.index).filter(fits);
  const conjunctions = [...text.matchAll(conjunction)].map((m) => m.index).filter(fits);
  const at = clauseBreaks.at(-1) ?? conjunctions.at(-1) ?? text.lastIndexOf(' ', maxHeadlineLength);
  const head = stripEnd(text.slice(0, at > 0 ? at : maxHeadlineLength));
  return head.length <= maxHeadlineLength ? head : head.slice(0, head.lastIndexOf(' ', maxHeadlineLength));
}
