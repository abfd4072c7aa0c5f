import type { DeliveryKey } from '../../scheduler/transport.js';

/**
 * How a digest part names itself on Discord. The nonce makes Discord drop a resend within a few minutes; the
 * marker, in the footer of the message's last embed, outlives that window: it is what a process restarted
 * after its claim's lease reads back to find which parts are posted and how many the digest has.
 */
export interface PartMark {
  readonly part: number;
  readonly parts: number;
}

/** `${key}-${part}`: keys are at most 20 characters, so this stays within Discord's 25 for a nonce. */
export function partNonce(key: DeliveryKey, part: number): string {
  return `${key}-${part}`;
}

/** "ref wb… · part 3 of 12": at most 43 characters for a digest of up to 999 messages (see markerRoom). */
export function partMarker(key: DeliveryKey, { part, parts }: PartMark): string {
  return `ref ${key} · part ${part} of ${parts}`;
}

/** The part a fetched message's footer names for `key`, if it is one of that delivery's. */
export function readMarker(key: DeliveryKey, footer: string | undefined): PartMark | undefined {
  // Keys are lowercase letters and digits (deliveryKeyFor), so the key needs no escaping in the pattern.
  const match = new RegExp(`^ref ${key} · part (\\d+) of (\\d+)$`).exec(footer ?? '');
  return match ? { part: Number(match[1]), parts: Number(match[2]) } : undefined;
}
