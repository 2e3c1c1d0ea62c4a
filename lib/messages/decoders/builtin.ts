import type { PayloadDecoder } from './types';

/** Longest payload the hex and base64 views render; beyond it they say how much is left out. */
export const BINARY_VIEW_LIMIT = 64 * 1024;

export const jsonDecoder: PayloadDecoder = {
  id: 'json',
  label: 'JSON',
  score(input) {
    const t = input.text?.trimStart();
    if (!t || input.truncated) return 0;
    if (t[0] !== '{' && t[0] !== '[') return 0;
    return parseJson(input.text!) === undefined ? 0 : 3;
  },
  decode(input) {
    if (input.text === undefined) return { kind: 'error', message: 'Not UTF-8 text, so not JSON' };
    if (input.truncated) return { kind: 'error', message: 'Only the first part of this value was loaded; open the message to see it as JSON' };
    const value = parseJson(input.text);
    if (value === undefined) return { kind: 'error', message: 'Not valid JSON' };
    return { kind: 'json', value: value.v, pretty: JSON.stringify(value.v, null, 2) };
  },
};

export const textDecoder: PayloadDecoder = {
  id: 'text',
  label: 'Text',
  score(input) {
    if (input.text === undefined) return 0;
    return printableRatio(input.text) >= 0.95 ? 2 : 0.5;
  },
  decode(input) {
    if (input.text === undefined) return { kind: 'error', message: 'Not valid UTF-8 text' };
    return { kind: 'text', text: input.text };
  },
};

export const hexDecoder: PayloadDecoder = {
  id: 'hex',
  label: 'Hex',
  score: (input) => (input.text === undefined ? 1.5 : 1),
  decode: (input) => ({ kind: 'hex', text: hexDump(input.bytes) }),
};

export const base64Decoder: PayloadDecoder = {
  id: 'base64',
  label: 'Base64',
  score: () => 0.5,
  decode(input) {
    const bytes = input.bytes.subarray(0, BINARY_VIEW_LIMIT);
    const more = input.bytes.length - bytes.length;
    return { kind: 'base64', text: toBase64(bytes) + (more > 0 ? `\n… ${more} more bytes` : '') };
  },
};

function parseJson(text: string): { v: unknown } | undefined {
  try {
    return { v: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function printableRatio(text: string): number {
  if (text.length === 0) return 1;
  const sample = text.length > 4096 ? text.slice(0, 4096) : text;
  let printable = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) printable++;
  }
  return printable / sample.length;
}

/** Offset, 16 bytes in hex and their printable ASCII, one line per 16 bytes (like xxd). */
export function hexDump(all: Uint8Array): string {
  const bytes = all.subarray(0, BINARY_VIEW_LIMIT);
  const lines: string[] = [];
  for (let pos = 0; pos < bytes.length; pos += 16) {
    const row = bytes.subarray(pos, pos + 16);
    let hex = '';
    let ascii = '';
    for (let i = 0; i < 16; i++) {
      if (i < row.length) {
        hex += row[i].toString(16).padStart(2, '0') + (i % 2 === 1 ? ' ' : '');
        ascii += row[i] >= 0x20 && row[i] < 0x7f ? String.fromCharCode(row[i]) : '.';
      } else hex += i % 2 === 1 ? '   ' : '  ';
    }
    lines.push(`${pos.toString(16).padStart(8, '0')}: ${hex} ${ascii}`);
  }
  const more = all.length - bytes.length;
  if (more > 0) lines.push(`… ${more} more bytes`);
  return lines.join('\n');
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

