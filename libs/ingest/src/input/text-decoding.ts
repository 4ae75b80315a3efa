/** UTF-8 as published today; older exports in Windows-1252 still read correctly. */
export function decodeText(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\ufeff/, '');
  } catch {
    if (data.includes(0)) return '\u0000';
    return new TextDecoder('windows-1252').decode(data);
  }
}
