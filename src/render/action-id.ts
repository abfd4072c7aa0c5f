import type { Action, ActionKind } from '../core/message.js';
import { actionPayloadLimit } from './limits.js';

/**
 * Button payloads: `wb1:<kind>:<value>` with the value percent-encoded, so one string works as a Slack
 * action_id/value and a Discord custom_id, and a click can be routed without any server-side state.
 * The label is display-only and not carried; a decoded action gets its kind's default label.
 */
const prefix = 'wb1';

export const defaultActionLabels: Readonly<Record<ActionKind, string>> = {
  article: 'Full article',
  quotes: 'Quotes',
  discuss: 'Discuss',
  page: 'More',
  share: 'Share',
};

// Values are ids, page cursors or search words: printable text without control characters.
const validValue = /^[^\p{Cc}]{1,200}$/u;

function isActionKind(kind: string): kind is ActionKind {
  return Object.hasOwn(defaultActionLabels, kind);
}

export function encodeAction(action: Action): string {
  if (!validValue.test(action.value)) {
    throw new Error(`Action value for "${action.kind}" is invalid: it must be 1-200 printable characters.`);
  }
  const encoded = `${prefix}:${action.kind}:${encodeURIComponent(action.value)}`;
  if (encoded.length > actionPayloadLimit) {
    throw new Error(`Action value for "${action.kind}" is too long: the encoded payload is ${encoded.length} characters, the limit is ${actionPayloadLimit}.`);
  }
  return encoded;
}

/** A forged or garbled payload gives undefined, never a throw: it arrives from the network. */
export function decodeAction(raw: string): Action | undefined {
  if (typeof raw !== 'string' || raw.length > actionPayloadLimit) return undefined;
  const match = /^wb1:([a-z]+):([A-Za-z0-9\-_.!~*'()%]+)$/.exec(raw);
  if (!match) return undefined;
  const [, kind = '', encodedValue = ''] = match;
  if (!isActionKind(kind)) return undefined;
  let value: string;
  try {
    value = decodeURIComponent(encodedValue);
  } catch {
    return undefined;
  }
  // Only the canonical encoding is accepted, so one action has exactly one payload.
  if (!validValue.test(value) || encodeURIComponent(value) !== encodedValue) return undefined;
  return { kind, label: defaultActionLabels[kind], value };
}
