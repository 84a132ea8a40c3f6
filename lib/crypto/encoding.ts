/** Base64 for bytes, chunked so large notes do not overflow the argument limit. */

const CHUNK = 0x8000;

// Native where the browser has it (Chromium 140+): one call, no JavaScript loop.
const native = Uint8Array as unknown as {
  fromBase64?: (text: string) => Uint8Array<ArrayBuffer>;
  prototype: { toBase64?: () => string };
};

export function toBase64(bytes: Uint8Array): string {
  if (native.prototype.toBase64) return (bytes as unknown as { toBase64(): string }).toBase64();
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (native.fromBase64) return native.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const utf8 = new TextEncoder();
export const fromUtf8 = new TextDecoder('utf-8', { fatal: true });
