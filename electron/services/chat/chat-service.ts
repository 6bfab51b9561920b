import type { ChatHistoryItem } from 'node-llama-cpp';
import { HearthError, toErrorData } from '../../ipc/errors';
import type { AnswerEvent, Conversation, Message } from '../../ipc/schemas/chat';
import type { ModelsService } from '../models/models-service';
import type { SearchService } from '../search/search-service';
import type { LibraryIndex } from '../library/reads';
import type { SqliteDatabase } from '../store/db';
import {
  addMessage,
  branchTo,
  createConversation,
  deleteConversation,
  getConversation,
  getMessage,
  listConversations,
  messagesOf,
  promptOf,
  searchMessages,
  selectBranch,
  siblingIds,
  stopInterrupted,
  updateConversation,
  saveStreamingText,
  updateMessage,
  type ChatSearchHit,
  type ConversationPatch,
  type NewConversation,
} from './chat-store';
import { listingAnswer, summariseCollection } from './collection-answers';
import { collectionQuestion, type CollectionQuestion } from './collection-questions';
import { ChatEngine } from './generation';
import { samplingFor } from './sampling';
import { GroundedAnswers } from './grounded-answer';
import { titleFrom } from './title';
import { mainText } from '../../ipc/main-text';

export interface AnswerOptions {
  signal?: AbortSignal;
  onEvent?: (event: AnswerEvent) => void;
}

/** A conversation as a screen shows it: every message, and the branch on display with its siblings. */
export interface ConversationView {
  conversation: Conversation;
  messages: Message[];
  /** The active branch, first message first, each with the ids of its siblings (itself included). */
  branch: Array<{ messageId: number; siblingIds: number[] }>;
}

export interface ChatServiceOptions {
  db: SqliteDatabase;
  /** The library's read API, for questions about whole collections (file listings, summaries). */
  index: LibraryIndex;
  models: ModelsService;
  search: SearchService;
  /** How often a streaming answer is saved, so a crash keeps it. Defaults to 250 ms. */
  saveEveryMs?: number;
}

/**
 * Conversations and their answers: keeps the message tree, builds each prompt from the branch (with
 * the conversation's collections as numbered sources), streams the answer into the database as it
 * grows, and stores citations checked against their sources and the retrieval trace.
 */
export class ChatService {
  readonly #options: ChatServiceOptions;
  /** Answers being written, by message id: what `stop` aborts. */
  readonly #writing = new Map<number, AbortController>();
  readonly engine: ChatEngine;
  /** Retrieve → budget → prompt → generate → check citations → trace: also the local API's. */
  readonly answers: GroundedAnswers;

  constructor(options: ChatServiceOptions) {
    this.#options = options;
    this.engine = new ChatEngine(options.models);
    this.answers = new GroundedAnswers({ search: options.search, engine: this.engine });
    // Answers cut short by a crash or a quit keep what was saved, marked as stopped.
    stopInterrupted(options.db);
  }

  list(): Conversation[] {
    return listConversations(this.#options.db);
  }

  create(input: NewConversation = {}): Conversation {
    return createConversation(this.#options.db, input);
  }

  update(id: number, patch: ConversationPatch): Conversation {
    return updateConversation(this.#options.db, id, patch);
  }

  remove(id: number): void {
    deleteConversation(this.#options.db, id);
  }

  view(id: number): ConversationView {
    const { db } = this.#options;
    const conversation = getConversation(db, id);
    const branch = conversation.activeLeafId ? branchTo(db, conversation.activeLeafId) : [];
    return {
      conversation,
      messages: messagesOf(db, id),
      branch: branch.map((message) => ({ messageId: message.id, siblingIds: siblingIds(db, message.id) })),
    };
  }

  /** Shows the branch through `messageId` (the `< 2/3 >` arrows). */
  selectBranch(messageId: number): ConversationView {
    return this.view(selectBranch(this.#options.db, messageId).id);
  }

  search(query: string, limit = 50): ChatSearchHit[] {
    return searchMessages(this.#options.db, query, { limit, marks: ['\u0002', '\u0003'] });
  }

  /** Asks a question after `parentId` (default: the end of the branch shown) and answers it. */
  async send(
    input: { conversationId: number; content: string; parentId?: number | null },
    options: AnswerOptions = {},
  ): Promise<Message> {
    const { db } = this.#options;
    const conversation = getConversation(db, input.conversationId);
    const parentId = input.parentId === undefined ? conversation.activeLeafId : input.parentId;
    if (parentId !== null && getMessage(db, parentId).role !== 'assistant') {
      throw new HearthError('VALIDATION', 'A question follows an answer (or starts the conversation).');
    }
    // Checked before the question is stored: a question nothing can answer would block the branch.
    this.#chatModel(conversation);
    const question = addMessage(db, {
      conversationId: conversation.id,
      parentId,
      role: 'user',
      content: input.content,
    });
    options.onEvent?.({ type: 'message', message: question });
    return this.#answer(question, options);
  }

  /** A new answer to the same question, beside the old one. */
  async regenerate(input: { messageId: number }, options: AnswerOptions = {}): Promise<Message> {
    const answer = getMessage(this.#options.db, input.messageId);
    if (answer.role !== 'assistant' || answer.parentId === null) {
      throw new HearthError('VALIDATION', 'Only an answer can be regenerated.');
    }
    return this.#answer(getMessage(this.#options.db, answer.parentId), options);
  }

  /** The question asked differently: a sibling of the old one, answered anew; the old branch stays. */
  async edit(input: { messageId: number; content: string }, options: AnswerOptions = {}): Promise<Message> {
    const { db } = this.#options;
    const original = getMessage(db, input.messageId);
    if (original.role !== 'user') throw new HearthError('VALIDATION', 'Only a question can be edited.');
    this.#chatModel(getConversation(db, original.conversationId));
    const question = addMessage(db, {
      conversationId: original.conversationId,
      parentId: original.parentId,
      role: 'user',
      content: input.content,
    });
    options.onEvent?.({ type: 'message', message: question });
    return this.#answer(question, options);
  }

  async #answer(question: Message, options: AnswerOptions): Promise<Message> {
    const { db, models } = this.#options;
    const conversation = getConversation(db, question.conversationId);
    const modelId = this.#chatModel(conversation);
    const record = models.find(modelId);
    let answer = addMessage(db, {
      conversationId: conversation.id,
      parentId: question.id,
      role: 'assistant',
      status: 'streaming',
      modelId,
    });
    options.onEvent?.({ type: 'message', message: answer });
    // Stopped by the caller's signal (the stream's owner) or by `stop` from anywhere.
    const stopper = new AbortController();
    const answerId = answer.id;
    this.#writing.set(answerId, stopper);
    options = {
      ...options,
      signal: options.signal ? AbortSignal.any([options.signal, stopper.signal]) : stopper.signal,
    };

    let content = '';
    let reasoning = '';
    let savedAt = performance.now();
    const save = () => {
      if (performance.now() - savedAt < (this.#options.saveEveryMs ?? 250)) return;
      savedAt = performance.now();
      saveStreamingText(db, answer.id, { content, reasoning });
    };
    try {
      const whole = conversation.collectionIds.length > 0 ? collectionQuestion(question.content) : null;
      if (whole) {
        content = await this.#collectionAnswer(whole, conversation, modelId, options, (text) => {
          content += text;
          save();
        });
        answer = updateMessage(db, answer.id, { content, status: options.signal?.aborted ? 'stopped' : 'done' });
        this.#titleAfterFirstExchange(conversation, question);
        return answer;
      }
      const { result, citations, trace } = await this.answers.answer({
        modelId,
        question: question.content,
        collectionIds: conversation.collectionIds,
        earlier: this.#earlier(question),
        systemPrompt: conversation.systemPrompt,
        // Kept with the question: a later turn replays exactly what the model read.
        onPrompt: (prompt) => updateMessage(db, question.id, { prompt }),
        sampling: samplingFor(record.settings, conversation.generation),
        signal: options.signal,
        onText: (text) => {
          content += text;
          options.onEvent?.({ type: 'text', text });
          save();
        },
        onReasoning: (text) => {
          reasoning += text;
          options.onEvent?.({ type: 'reasoning', text });
          save();
        },
      });
      content = result.text;
      answer = updateMessage(db, answer.id, {
        content,
        reasoning: result.reasoning || reasoning,
        status: result.stopReason === 'abort' ? 'stopped' : 'done',
        stats: result.stats,
        citations,
        trace,
      });
    } catch (error) {
      const stopped = options.signal?.aborted === true;
      answer = updateMessage(db, answer.id, {
        content,
        reasoning,
        status: stopped ? 'stopped' : 'failed',
        // Said in the user's words (a library's raw message can name paths and internals).
        error: stopped ? null : toErrorData(error),
      });
      if (!stopped) throw error;
    } finally {
      this.#writing.delete(answerId);
    }
    this.#titleAfterFirstExchange(conversation, question);
    return answer;
  }

  /** Stops the answer `messageId` is writing (see the `chat.stop` channel); `false` when none is. */
  stop(messageId: number): boolean {
    const stopper = this.#writing.get(messageId);
    stopper?.abort(new HearthError('CANCELLED', mainText('chat.stopped')));
    return stopper !== undefined;
  }

  /**
   * A question about a whole collection: a file listing straight from the index (no model needed),
   * or a summary over every matching file, with progress.
   */
  async #collectionAnswer(
    question: CollectionQuestion,
    conversation: Conversation,
    modelId: string,
    options: AnswerOptions,
    onText: (text: string) => void,
  ): Promise<string> {
    const { index, models } = this.#options;
    if (question.kind === 'list') {
      const listing = listingAnswer(index, question.topic, conversation.collectionIds);
      options.onEvent?.({ type: 'text', text: listing });
      return listing;
    }
    const record = models.find(modelId);
    return summariseCollection({
      index,
      engine: this.engine,
      modelId,
      sampling: samplingFor(record.settings, conversation.generation),
      topic: question.topic,
      collectionIds: conversation.collectionIds,
      // About a third of the context per file, at ~4 characters a token.
      charsPerFile: Math.floor(this.engine.contextSize(record) * 0.35) * 4,
      signal: options.signal,
      onProgress: (done, total) => options.onEvent?.({ type: 'progress', done, total }),
      onText: (text) => {
        onText(text);
        options.onEvent?.({ type: 'text', text });
      },
    });
  }

  /** The chat model: the conversation's, else the loaded one, else the first installed. */
  #chatModel(conversation: Conversation): string {
    const { models } = this.#options;
    const installed = models.usable('chat');
    const chosen = conversation.modelId && installed.find((record) => record.id === conversation.modelId);
    if (conversation.modelId && !chosen) {
      throw new HearthError('MODEL_NOT_FOUND', mainText('chat.modelGone'));
    }
    const loaded = models.activeId('chat');
    const id = chosen ? chosen.id : (installed.find((record) => record.id === loaded) ?? installed[0])?.id;
    if (!id) throw new HearthError('MODEL_NOT_FOUND', mainText('chat.noModel'));
    return id;
  }

  /** The branch before `question` as the model reads it: a grounded question replays the prompt it was given. */
  #earlier(question: Message): ChatHistoryItem[] {
    const { db } = this.#options;
    const history: ChatHistoryItem[] = [];
    for (const message of branchTo(db, question.id).slice(0, -1)) {
      if (message.role === 'user') history.push({ type: 'user', text: promptOf(db, message.id) });
      else if (message.status !== 'failed') history.push({ type: 'model', response: [message.content] });
    }
    return history;
  }

  #titleAfterFirstExchange(conversation: Conversation, question: Message): void {
    if (conversation.title || question.parentId !== null) return;
    updateConversation(this.#options.db, conversation.id, {
      title: titleFrom(question.content),
      titleSource: 'generated',
    });
  }
}
