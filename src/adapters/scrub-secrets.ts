/**
 * Tokens must never reach a log line or an error message. Redacting known keys is not enough (SDK debug output
 * and error messages embed them in strings), so finished text is scrubbed: Slack and Discord token shapes by
 * pattern, and the configured secrets by value (a signing secret or a database password has no shape).
 */
const tokenShapes = [
  /\b(?:xox[abposre]|xapp)-[A-Za-z0-9-]+/g,
  // A Discord bot token: base64 user id, timestamp and HMAC, dot-separated.
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g,
];

export function scrubber(secrets: readonly string[]): (line: string) => string {
  const known = secrets.filter((s) => s.length >= 6);
  return (line) => known.reduce((text, secret) => text.split(secret).join('[redacted]'), tokenShapes.reduce((text, shape) => text.replace(shape, '[redacted]'), line));
}
