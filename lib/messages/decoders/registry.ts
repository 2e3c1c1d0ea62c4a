import type { Payload } from '@/lib/api/messages';
import { base64Decoder, fromBase64, hexDecoder, jsonDecoder, textDecoder } from './builtin';
import { cborDecoder, msgpackDecoder, schemaDecoder } from './binary';
import type { DecodedView, DecoderInput, PayloadDecoder } from './types';

export const AUTO = 'auto';

/** The decoders a view can choose from; "auto" takes the best-scoring one for each payload. */
export class DecoderRegistry {
  private readonly byId = new Map<string, PayloadDecoder>();

  constructor(decoders: PayloadDecoder[] = []) {
    for (const d of decoders) this.register(d);
  }

  register(decoder: PayloadDecoder): void {
    if (decoder.id === AUTO) throw new Error(`"${AUTO}" is reserved`);
    this.byId.set(decoder.id, decoder);
  }

  list(): PayloadDecoder[] {
    return [...this.byId.values()];
  }

  get(id: string): PayloadDecoder | undefined {
    return this.byId.get(id);
  }

  /** The decoder "auto" picks for this payload. */
  detect(input: DecoderInput): PayloadDecoder {
    let best: PayloadDecoder | undefined;
    let bestScore = 0;
    for (const d of this.byId.values()) {
      const s = d.score(input);
      if (s > bestScore) [best, bestScore] = [d, s];
    }
    if (!best) throw new Error('No decoder can show this payload');
    return best;
  }

  decode(input: DecoderInput, id: string = AUTO): DecodedView & { decoder: string } {
    const decoder = id === AUTO ? this.detect(input) : this.byId.get(id);
    if (!decoder) return { kind: 'error', message: `Unknown decoder "${id}"`, decoder: id };
    return { ...decoder.decode(input), decoder: decoder.id };
  }
}

export const decoders = new DecoderRegistry([schemaDecoder, jsonDecoder, textDecoder, msgpackDecoder, cborDecoder, hexDecoder, base64Decoder]);

const utf8 = new TextEncoder();

export function payloadInput(p: Payload): DecoderInput {
  const input: DecoderInput =
    p.encoding === 'utf8'
      ? { bytes: utf8.encode(p.data), text: p.data, truncated: Boolean(p.truncated) }
      : { bytes: fromBase64(p.data), text: undefined, truncated: Boolean(p.truncated) };
  if (p.decoded !== undefined) input.decoded = { value: p.decoded };
  if (p.schemaError !== undefined) input.schemaError = p.schemaError;
  return input;
}

export function decodePayload(p: Payload, id: string = AUTO) {
  return decoders.decode(payloadInput(p), id);
}
