import type { Services } from '../services';
import type { Message } from '../ipc/schemas/chat';
import type { CliIo } from './cli-io';
import { collectionIds } from './search-commands';

/**
 * `hearth ask`: one question, answered from the library with the app's own chat service. The answer
 * streams to stdout as it is generated; its sources follow, each marked as supported by the passage
 * it cites or not. Ctrl-C stops the answer and keeps what was written. The conversation is saved
 * like any other, so the app shows it too.
 */
export async function runAsk(
  services: Services,
  options: { question: string; collections: string[]; model: string | undefined; json: boolean },
  io: CliIo,
): Promise<number> {
  const ids = collectionIds(services, options.collections) ?? services.library.collections().map((c) => c.id);
  // Said about the model the user named before a conversation exists; one a failed ask made is removed below.
  const modelId = options.model
    ? services.models.find(options.model, { role: 'chat', listedBy: '`hearth models list`' }).id
    : null;
  const conversation = services.chat.create({ collectionIds: ids, modelId });
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => controller.abort());
  let answer: Message;
  try {
    answer = await services.chat.send(
      { conversationId: conversation.id, content: options.question },
      {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'text' && !options.json) io.stdout.write(event.text);
        },
      },
    );
  } catch (error) {
    services.chat.remove(conversation.id);
    throw error;
  } finally {
    stopListening();
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ conversationId: conversation.id, answer }, null, 2)}\n`);
    return answer.status === 'failed' ? 1 : 0;
  }
  io.stdout.write(`\n${sourcesText(answer)}`);
  if (answer.status === 'stopped') io.stderr.write('(stopped)\n');
  return 0;
}

function sourcesText(answer: Message): string {
  const lines: string[] = [];
  const seen = new Set<number>();
  for (const citation of answer.citations) {
    if (seen.has(citation.n)) continue;
    seen.add(citation.n);
    const source = citation.source;
    const where = source
      ? `${source.relativePath} (${source.page ? `page ${source.page}` : `lines ${source.lineStart}–${source.lineEnd}`})`
      : 'no such source';
    const verdict =
      citation.status === 'supported'
        ? 'supported'
        : citation.status === 'out-of-range'
          ? 'out of range'
          : 'NOT supported by this source';
    lines.push(`[${citation.n}] ${where}: ${verdict}`);
  }
  const given = answer.trace?.passages.filter((passage) => passage.n !== null) ?? [];
  // An answer that cites nothing still came from somewhere: the passages it was given are listed.
  const passages =
    lines.length === 0 && given.length
      ? `\nPassages given to the model (none cited):\n${given
          .map(
            (passage) =>
              `[${passage.n}] ${passage.relativePath} (${passage.page ? `page ${passage.page}` : `lines ${passage.lineStart}–${passage.lineEnd}`})`,
          )
          .join('\n')}\n`
      : '';
  const footer = answer.trace
    ? `${given.length} passages given to the model (${answer.trace.mode} search).`
    : 'No collection in scope: answered without sources.';
  return `${lines.length ? `\nSources:\n${lines.join('\n')}\n` : ''}${passages}\n${footer}\n`;
}
