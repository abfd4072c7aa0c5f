/** The Discord message subset Wirebrief sends, as plain JSON shapes matching the REST API field names. */
export interface DiscordEmbedField {
  readonly name: string;
  readonly value: string;
  readonly inline?: boolean;
}

export interface DiscordEmbed {
  readonly title?: string;
  readonly description?: string;
  readonly url?: string;
  readonly color?: number;
  readonly fields?: readonly DiscordEmbedField[];
  /** Left to the delivery marker (discord-marker.ts): the renderer sets none. */
  readonly footer?: { readonly text: string };
  readonly author?: { readonly name: string };
}

/** Component type 2 (button); style 1 primary, 2 secondary. */
export interface DiscordButton {
  readonly type: 2;
  readonly style: 1 | 2;
  readonly label: string;
  readonly custom_id: string;
}

/** Component type 1 (action row). */
export interface DiscordActionRow {
  readonly type: 1;
  readonly components: readonly DiscordButton[];
}

export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: readonly DiscordEmbed[];
  readonly components: readonly DiscordActionRow[];
  /** Always empty: article text must never ping anyone, whatever slips past escaping. */
  readonly allowed_mentions: { readonly parse: readonly [] };
}
