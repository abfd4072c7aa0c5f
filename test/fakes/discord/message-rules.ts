import { discordLimits as limit } from '../../../src/render/limits.js';

/**
 * Discord's documented message limits (the shared numbers in src/render/limits.ts), checked the way Discord
 * checks them: every violation is collected into one 400 "Invalid Form Body" (code 50035) whose `errors`
 * tree points at the offending field. The checks themselves are written here, apart from the renderer, so
 * that the fake judges the renderer's output rather than echoing it.
 */
export interface FieldError {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

export interface DiscordErrorBody {
  readonly code: number;
  readonly message: string;
  readonly errors?: Record<string, unknown>;
}

interface EmbedLike {
  title?: unknown;
  description?: unknown;
  fields?: readonly { name?: unknown; value?: unknown }[];
  footer?: { text?: unknown };
  author?: { name?: unknown };
}

interface ComponentLike {
  type?: unknown;
  components?: readonly { type?: unknown; custom_id?: unknown; label?: unknown; url?: unknown; style?: unknown }[];
}

export interface MessageBodyLike {
  content?: unknown;
  embeds?: readonly EmbedLike[];
  components?: readonly ComponentLike[];
  nonce?: unknown;
  flags?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function maxLength(errors: FieldError[], path: FieldError['path'], value: unknown, max: number, min = 0): void {
  const length = text(value).length;
  if (value === undefined && min === 0) return;
  if (length > max) errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  else if (length < min) errors.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
}

function embedErrors(embeds: readonly EmbedLike[], errors: FieldError[]): void {
  if (embeds.length > limit.embedsPerMessage) errors.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${limit.embedsPerMessage} or fewer in length.` });
  let total = 0;
  embeds.forEach((embed, i) => {
    maxLength(errors, ['embeds', i, 'title'], embed.title, limit.embedTitle);
    maxLength(errors, ['embeds', i, 'description'], embed.description, limit.embedDescription);
    maxLength(errors, ['embeds', i, 'footer', 'text'], embed.footer?.text, limit.footerText);
    maxLength(errors, ['embeds', i, 'author', 'name'], embed.author?.name, limit.authorName);
    const fields = embed.fields ?? [];
    if (fields.length > limit.embedFields) errors.push({ path: ['embeds', i, 'fields'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${limit.embedFields} or fewer in length.` });
    fields.forEach((field, j) => {
      maxLength(errors, ['embeds', i, 'fields', j, 'name'], field.name, limit.fieldName, 1);
      maxLength(errors, ['embeds', i, 'fields', j, 'value'], field.value, limit.fieldValue, 1);
      total += text(field.name).length + text(field.value).length;
    });
    total += [embed.title, embed.description, embed.footer?.text, embed.author?.name].reduce<number>((n, v) => n + text(v).length, 0);
  });
  if (total > limit.embedTotal) errors.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${limit.embedTotal}` });
}

function componentErrors(rows: readonly ComponentLike[], errors: FieldError[]): void {
  if (rows.length > limit.actionRows) errors.push({ path: ['components'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${limit.actionRows} or fewer in length.` });
  rows.forEach((row, i) => {
    const children = row.components ?? [];
    if (row.type !== 1) errors.push({ path: ['components', i, 'type'], code: 'COMPONENT_LAYOUT_INVALID', message: 'Top-level components must be action rows' });
    if (children.length < 1 || children.length > limit.buttonsPerRow) {
      errors.push({ path: ['components', i, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${limit.buttonsPerRow} in length.` });
    }
    children.forEach((button, j) => {
      maxLength(errors, ['components', i, 'components', j, 'label'], button.label, limit.buttonLabel);
      if (button.style === 5) return; // link buttons carry a url instead of a custom_id
      maxLength(errors, ['components', i, 'components', j, 'custom_id'], button.custom_id, limit.customId, 1);
    });
  });
  const ids = rows.flatMap((row) => (row.components ?? []).map((c) => c.custom_id).filter((id) => id !== undefined));
  if (new Set(ids).size !== ids.length) errors.push({ path: ['components'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
}

export function messageErrors(body: MessageBodyLike, options: { readonly requireContent: boolean }): FieldError[] {
  const errors: FieldError[] = [];
  maxLength(errors, ['content'], body.content, limit.content);
  if (body.nonce !== undefined && String(body.nonce).length > 25) {
    errors.push({ path: ['nonce'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  }
  embedErrors(body.embeds ?? [], errors);
  componentErrors(body.components ?? [], errors);
  return options.requireContent && errors.length === 0 && isEmpty(body) ? [{ path: [], code: 'EMPTY', message: 'Cannot send an empty message' }] : errors;
}

function isEmpty(body: MessageBodyLike): boolean {
  return text(body.content).trim() === '' && (body.embeds ?? []).length === 0 && (body.components ?? []).length === 0;
}

/** Builds Discord's nested `errors` object: { embeds: { 0: { title: { _errors: [...] } } } }. */
export function invalidFormBody(errors: readonly FieldError[]): DiscordErrorBody {
  if (errors.length === 1 && errors[0]!.code === 'EMPTY') return { code: 50006, message: 'Cannot send an empty message' };
  const tree: Record<string, unknown> = {};
  for (const error of errors) {
    let node = tree;
    for (const key of error.path) node = (node[String(key)] ??= {}) as Record<string, unknown>;
    ((node._errors ??= []) as unknown[]).push({ code: error.code, message: error.message });
  }
  return { code: 50035, message: 'Invalid Form Body', errors: tree };
}

/**
 * What Discord would ping for this message: mentions are parsed from `content` only (never from embeds),
 * and `allowed_mentions` narrows them; without it, @everyone/@here and user mentions all ping.
 */
export function mentionsOf(body: { content?: unknown; allowed_mentions?: { parse?: unknown; users?: unknown } }): {
  readonly everyone: boolean;
  readonly users: readonly string[];
} {
  const content = text(body.content);
  const parse = Array.isArray(body.allowed_mentions?.parse) ? (body.allowed_mentions.parse as string[]) : undefined;
  const allowed = (kind: string) => (body.allowed_mentions === undefined ? true : (parse ?? []).includes(kind));
  const users = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
  return {
    everyone: allowed('everyone') && /@(everyone|here)/.test(content),
    users: allowed('users') ? users : [],
  };
}
