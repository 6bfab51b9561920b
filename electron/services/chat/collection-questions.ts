/**
 * Questions about a whole collection, which top-k retrieval would answer wrongly by pretending the
 * few passages it found are everything: "which files mention X", "list my documents about Y"
 * (answered with a file-level listing from the index), and "summarise all of Z" (a map-reduce
 * summary over every matching file).
 */
export type CollectionQuestion = { kind: 'list' | 'summarise'; topic: string };

const LIST = [
  /^(?:which|what)\s+(?:of\s+my\s+)?(?:files|documents|docs|notes|pages|papers)\s+(?:mention|mentions|contain|contains|talk about|discuss|discusses|refer to|are about|cover|say anything about|have)\s+(.+)$/i,
  /^(?:list|show|find)\s+(?:me\s+)?(?:all\s+|every\s+)?(?:of\s+)?(?:my\s+|the\s+)?(?:files|documents|docs|notes|pages|papers)\s+(?:about|on|that mention|mentioning|with|containing|that contain)\s+(.+)$/i,
];
const SUMMARISE = [
  /^summari[sz]e\s+(?:all|every|each|everything)\s+(?:of\s+)?(?:my\s+|the\s+)?(?:files|documents|docs|notes|pages|papers)?\s*(?:about|on|of|that mention|mentioning)?\s*(.+)$/i,
];

export function collectionQuestion(question: string): CollectionQuestion | null {
  const text = question.trim().replace(/[?.!]+$/, '');
  for (const pattern of LIST) {
    const topic = pattern.exec(text)?.[1]?.trim();
    if (topic) return { kind: 'list', topic: unquote(topic) };
  }
  for (const pattern of SUMMARISE) {
    const topic = pattern.exec(text)?.[1]?.trim();
    if (topic) return { kind: 'summarise', topic: unquote(topic) };
  }
  return null;
}

const unquote = (topic: string) => topic.replace(/^["“'‘](.*)["”'’]$/, '$1');
