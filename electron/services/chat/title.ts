/**
 * A conversation's title from its first question: the question's first line, cut at a word within
 * 60 characters. Generated at once and without the model, so the list never shows "Untitled" while
 * a slow model is busy answering; a title the user types replaces it.
 */
export function titleFrom(question: string): string {
  const line = question
    .trim()
    .split('\n')[0]!
    .replace(/\s+/g, ' ')
    .replace(/[?.!:,;]+$/, '');
  if (line.length <= 60) return line || 'New chat';
  const cut = line.lastIndexOf(' ', 60);
  return `${line.slice(0, cut > 30 ? cut : 60)}…`;
}
