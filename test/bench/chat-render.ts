/**
 * `npm run bench -- chat-render [--messages 2000] [--tokens 400] [--rate 200]`
 *
 * How much the chat screen renders per streamed token: a conversation of `messages` messages is
 * shown in Debian's Chromium (the built renderer, over the test bridge, real services), and an
 * answer streams `tokens` tokens at `rate` a second. Main's answer is paced here (the one part
 * replaced: a model's speed is not what is measured), everything else is the app's own.
 *
 * Prints React commits per token (counted through the hook React calls on every commit, the one
 * React DevTools uses, so the production build is measured as shipped), the components rendered
 * per token (component functions React ran in those commits; apart, those outside the answer being
 * written, which is the one that must re-render), and dropped frames (frames a 60 Hz display
 * would have shown but the page's main thread was too busy to draw). Asserts nothing.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { AnswerEvent, Message } from '../../electron/ipc/schemas/chat';
import { addMessage, updateMessage } from '../../electron/services/chat/chat-store';
import setup from '../e2e/global-setup';
import { launchBrowser, openApp } from '../e2e/harness';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '2000' },
    tokens: { type: 'string', default: '400' },
    rate: { type: 'string', default: '200' },
  },
});
const MESSAGES = Number(values.messages);
const TOKENS = Number(values.tokens);
const RATE = Number(values.rate);

await setup();
const browser = await launchBrowser();
const session = await openApp(browser, mkdtempSync(join(tmpdir(), 'hearth-render-')), '/library');
const { page, bridge } = session;
const { services } = bridge;
const db = services.store.hearth;

// A long conversation, as a year of chats leaves one.
const chat = services.chat.create({});
let parent: number | null = null;
for (let i = 0; i < MESSAGES; i++) {
  const role = i % 2 === 0 ? 'user' : 'assistant';
  const text =
    role === 'user'
      ? `Question ${i / 2}: what does the manual say about timeouts and retries?`
      : `Answer ${(i - 1) / 2}: the client waits **300 seconds** for headers by default; a retry agent retries with backoff.\n\n- one\n- two`;
  parent = addMessage(db, { conversationId: chat.id, parentId: parent, role, content: text, status: 'done' }).id;
}

// Main's answer, paced at RATE tokens a second.
services.chat.send = async (input, options = {}) => {
  const emit = (event: AnswerEvent) => options.onEvent?.(event);
  const last = services.chat.view(input.conversationId).branch.at(-1)?.messageId ?? null;
  const question = addMessage(db, {
    conversationId: input.conversationId,
    parentId: last,
    role: 'user',
    content: input.content,
  });
  emit({ type: 'message', message: question });
  let answer: Message = addMessage(db, {
    conversationId: input.conversationId,
    parentId: question.id,
    role: 'assistant',
    status: 'streaming',
  });
  emit({ type: 'message', message: answer });
  let content = '';
  const started = performance.now();
  for (let i = 0; i < TOKENS; i++) {
    const due = started + (i * 1000) / RATE;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const text = i % 12 === 11 ? ' word.\n\n' : ` word${i}`;
    content += text;
    emit({ type: 'text', text });
  }
  answer = updateMessage(db, answer.id, { content, status: 'done' });
  return answer;
};

// Counts commits and the fibers each touched, through the hook React reports commits to.
// A string, not a function: the bundler's helpers (`__name`) do not exist in the page.
await page.addInitScript(`(() => {
  const stats = { commits: 0, fibers: 0, outside: 0, frames: [] };
  window.__renderStats = stats;

  // Which components ran in a commit: React double-buffers fibers, so a fiber it worked on in
  // this render is an object that was not in the tree of the commit before; of those, a component
  // whose function ran has the PerformedWork flag (1). Function, class, forwardRef and memo fibers
  // count; components inside the message being written are counted apart (that one must run).
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  let previous = new WeakSet();
  const count = (fiber) => {
    const seen = new WeakSet();
    const stack = [[fiber, false]];
    while (stack.length) {
      const [node, inside] = stack.pop();
      if (!node) continue;
      seen.add(node);
      const within = inside || node.stateNode?.dataset?.status === 'streaming';
      if (!previous.has(node) && (node.flags & 1) === 1 && COMPONENT_TAGS.has(node.tag)) {
        stats.fibers++;
        if (!within) stats.outside++;
      }
      if (node.child) stack.push([node.child, within]);
      if (node.sibling) stack.push([node.sibling, inside]);
    }
    previous = seen;
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: (id, root) => {
      stats.commits++;
      count(root.current.child);
    },
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    checkDCE: () => {},
  };
  const tick = (time) => {
    stats.frames.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`);

await page.goto(`${bridge.url}#/chat`);
await page.reload();
await page.getByTestId('conversation-title').waitFor();
await page.locator('[data-testid="message"]').last().waitFor();
await page.waitForTimeout(1000);
const reset = () =>
  page.evaluate('Object.assign(window.__renderStats, { commits: 0, fibers: 0, outside: 0, frames: [] })');
await reset();
await page.getByLabel('Message').fill('And what about proxies?');
await page.getByRole('button', { name: 'Send' }).click();
// Whether, and when, the answer being written came on screen (the list must bring it into view).
const visibleAfter = await page
  .locator('[data-testid="message"][data-status="streaming"]')
  .waitFor({ timeout: (TOKENS / RATE) * 1000 })
  .then(() => page.evaluate('window.__renderStats.frames.length'))
  .catch(() => null);
await page.getByRole('button', { name: 'Send' }).waitFor({ timeout: 120_000 });
const stats = (await page.evaluate('window.__renderStats')) as {
  commits: number;
  fibers: number;
  outside: number;
  frames: number[];
};
const seconds = (stats.frames.at(-1)! - stats.frames[0]!) / 1000;
const frameMs = 1000 / 60;
const dropped = stats.frames.slice(1).reduce((sum, time, i) => {
  const gap = time - stats.frames[i]!;
  return sum + Math.max(0, Math.round(gap / frameMs) - 1);
}, 0);
console.log(
  `chat render: ${MESSAGES.toLocaleString('en')}-message conversation, ${TOKENS} tokens at ${RATE}/s (${seconds.toFixed(1)} s streamed)`,
);
console.log(`React commits: ${stats.commits} (${(stats.commits / TOKENS).toFixed(2)} per token)`);
console.log(
  `components rendered: ${stats.fibers.toLocaleString('en')} (${(stats.fibers / TOKENS).toFixed(1)} per token), ` +
    `outside the answer being written: ${stats.outside.toLocaleString('en')} (${(stats.outside / TOKENS).toFixed(1)} per token)`,
);
console.log(
  `frames: ${stats.frames.length} drawn, ${dropped} dropped (${((dropped / (stats.frames.length + dropped)) * 100).toFixed(1)} %)`,
);
console.log(
  visibleAfter === null
    ? 'the answer being written never came on screen while it streamed'
    : `the answer being written was on screen after ${Number(visibleAfter)} frames`,
);
if (session.errors.length) console.log(`page errors: ${session.errors.join(' | ')}`);
await session.close();
await browser.close();
process.exit(0);
