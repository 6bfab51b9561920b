import type { Citation, Message } from '../../ipc/schemas/chat';
import type { ConversationView } from './chat-service';

/**
 * A conversation written out: Markdown for people, JSON for programs. `branch` is what the
 * conversation shows; `tree` is every message of every branch, each saying which it follows.
 * Citations go with their answers (file, place, and whether the source supports them).
 */
export type ExportScope = 'branch' | 'tree';

export function exportJson(view: ConversationView, scope: ExportScope): string {
  const onBranch = new Set(view.branch.map((item) => item.messageId));
  const messages = scope === 'branch' ? view.messages.filter((message) => onBranch.has(message.id)) : view.messages;
  return `${JSON.stringify(
    {
      format: 'hearth-conversation',
      version: 1,
      scope,
      conversation: view.conversation,
      activeBranch: [...onBranch],
      messages,
    },
    null,
    2,
  )}\n`;
}

export function exportMarkdown(view: ConversationView, scope: ExportScope): string {
  const { conversation } = view;
  const byId = new Map(view.messages.map((message) => [message.id, message]));
  const lines = [`# ${conversation.title || 'Conversation'}`, ''];
  if (conversation.systemPrompt) lines.push(`> System prompt: ${conversation.systemPrompt.replace(/\n/g, ' ')}`, '');
  const messages =
    scope === 'branch'
      ? view.branch.map((item) => byId.get(item.messageId)!)
      : [...view.messages].sort((a, b) => a.id - b.id);
  for (const message of messages) {
    const who = message.role === 'user' ? 'You' : 'Hearth';
    const where = scope === 'tree' ? ` (#${message.id}${message.parentId ? `, after #${message.parentId}` : ''})` : '';
    const state = message.status === 'done' ? '' : ` — ${message.status}`;
    lines.push(`## ${who}${where}${state}`, '', message.content.trim() || '_(empty)_', '');
    if (message.citations.length > 0) lines.push(...citationLines(message), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function citationLines(message: Message): string[] {
  const seen = new Set<string>();
  const lines = ['Sources:', ''];
  for (const citation of message.citations) {
    const key = `${citation.n}:${citation.status}:${citation.claim}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`- [${citation.n}] ${describe(citation)}`);
  }
  return lines;
}

function describe(citation: Citation): string {
  if (!citation.source) return 'no such source was given (out of range)';
  const { relativePath, page, lineStart, lineEnd } = citation.source;
  const where = page ? `page ${page}` : `lines ${lineStart}–${lineEnd}`;
  const verdict =
    citation.status === 'supported' ? `supported: “${citation.match?.text ?? ''}”` : 'not supported by this source';
  return `${relativePath}, ${where} — ${verdict}`;
}
