/** The phrases typed in a text area: one per line or separated by commas (Chinese or Latin), blanks dropped. */
export function phrasesFromText(text: string): string[] {
  return text
    .split(/[\n,，、;；]/)
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase.length > 0);
}

export function phrasesToText(phrases: readonly string[]): string {
  return phrases.join('\n');
}
