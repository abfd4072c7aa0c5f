import { DiscordAPIError, HTTPError } from 'discord.js';

// Interaction and webhook URLs carry a token in the path; discord.js puts the URL into its errors.
const tokenInPath = /\/(interactions\/\d+|webhooks\/\d+)\/[^/?\s]+/g;

export function redactText(text: string): string {
  return text.replace(tokenInPath, '/$1/[token]');
}

/** A loggable description of an error with every interaction/webhook token removed. */
export function redact(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return { name: error.name, code: error.code, status: error.status, method: error.method, url: redactText(error.url), message: redactText(error.message) };
  }
  if (error instanceof HTTPError) return { name: error.name, status: error.status, method: error.method, url: redactText(error.url) };
  if (error instanceof Error) return { name: error.name, message: redactText(error.message) };
  return { message: redactText(String(error)) };
}
