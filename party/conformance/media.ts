/**
 * @module Small media for the conformance fixture: an SVG image and a silent WAV clip, built here.
 */

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** A 16×16 SVG: a blue square with a plus sign. */
export const IMAGE_MIME = "image/svg+xml";
export const IMAGE_BASE64 = base64(
  new TextEncoder().encode(
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16" fill="#2563eb"/>' +
      '<path d="M8 3v10M3 8h10" stroke="#fff" stroke-width="2"/></svg>',
  ),
);

/** 8 kHz, 16-bit mono PCM: a RIFF/WAVE header and one silent sample. */
function silentWav(): Uint8Array {
  const sampleRate = 8000;
  const data = new Uint8Array(2);
  const buffer = new ArrayBuffer(44 + data.length);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, "RIFF");
  view.setUint32(4, 36 + data.length, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, data.length, true);
  return new Uint8Array(buffer);
}
export const AUDIO_MIME = "audio/wav";
export const AUDIO_BASE64 = base64(silentWav());
