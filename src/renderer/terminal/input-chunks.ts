// A paste can be larger than one protocol message allows: split it without cutting a UTF-16
// surrogate pair in half (which would reach the shell as two broken characters).
export function chunkInput(data: string, maxChars: number): string[] {
  if (maxChars < 2) throw new Error('chunkInput needs room for a surrogate pair');
  const chunks: string[] = [];
  let start = 0;
  while (start < data.length) {
    let end = Math.min(start + maxChars, data.length);
    const last = data.charCodeAt(end - 1);
    if (end < data.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(data.slice(start, end));
    start = end;
  }
  return chunks;
}
