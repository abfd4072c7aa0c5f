/**
 * Splitting rendered output into messages. A unit (a story, a reply block) stays whole in one message when
 * it can; only a unit too big for any message is spread piece by piece. Each piece must fit a message alone
 * (the renderers build them within the per-element limits).
 */
export interface Unit<P> {
  readonly pieces: readonly P[];
  /** What the unit is, for the message's notification text (a story headline). */
  readonly label?: string;
}

export interface Packed<P> {
  readonly pieces: P[];
  readonly labels: string[];
}

export function packUnits<P>(units: readonly Unit<P>[], fits: (pieces: readonly P[]) => boolean): Packed<P>[] {
  const messages: Packed<P>[] = [];
  let current: Packed<P> = { pieces: [], labels: [] };
  const flush = (): void => {
    if (current.pieces.length > 0) messages.push(current);
    current = { pieces: [], labels: [] };
  };
  for (const unit of units) {
    if (unit.pieces.length === 0) continue;
    if (!fits([...current.pieces, ...unit.pieces])) flush();
    if (unit.label !== undefined) current.labels.push(unit.label);
    if (fits([...current.pieces, ...unit.pieces])) {
      current.pieces.push(...unit.pieces);
      continue;
    }
    for (const piece of unit.pieces) {
      if (!fits([...current.pieces, piece])) {
        flush();
        if (unit.label !== undefined) current.labels.push(unit.label);
      }
      if (!fits([piece])) throw new Error('A rendered element exceeds the message limits on its own; the renderer must build it smaller.');
      current.pieces.push(piece);
    }
  }
  flush();
  return messages;
}
