import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fixtureModel } from '../../native-models/fixtures/generate';

/** Where the models of `fakeOtherApps` are, under the home it was given. */
export interface OtherAppModels {
  lmStudioChat: string;
  lmStudioBroken: string;
  janEmbedding: string;
  ollamaBlob: string;
}

/**
 * A home folder as LM Studio, Jan, GPT4All and Ollama (Linux) leave it: generated models where
 * each app keeps them, a broken file, a folder linked into itself, the same file linked from a
 * second app, a later split part (found through its first), and an Ollama manifest and blob.
 */
export function fakeOtherApps(home: string): OtherAppModels {
  const place = (path: string, from: string) => {
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(from, path);
    return path;
  };
  const lmStudio = join(home, '.lmstudio', 'models');
  const lmStudioChat = place(
    join(lmStudio, 'hearth-test', 'Tiny-Chat-GGUF', 'tiny-chat-Q8_0.gguf'),
    fixtureModel('tiny-chat'),
  );
  const lmStudioBroken = join(lmStudio, 'someone', 'Broken-GGUF', 'broken.gguf');
  mkdirSync(dirname(lmStudioBroken), { recursive: true });
  writeFileSync(lmStudioBroken, Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(60, 0xff)]));
  writeFileSync(join(lmStudio, 'someone', 'Broken-GGUF', 'broken-00002-of-00002.gguf'), 'a later part');
  symlinkSync(lmStudio, join(lmStudio, 'hearth-test', 'loop'));

  const janEmbedding = place(
    join(home, '.local', 'share', 'Jan', 'data', 'models', 'tiny-embedding.gguf'),
    fixtureModel('tiny-embedding'),
  );
  const gpt4all = join(home, '.local', 'share', 'nomic.ai', 'GPT4All');
  mkdirSync(gpt4all, { recursive: true });
  symlinkSync(lmStudioChat, join(gpt4all, 'tiny-chat-linked.gguf'));

  const ollama = join(home, '.ollama', 'models');
  const weights = readFileSync(fixtureModel('tiny-chat-q4'));
  const digest = `sha256:${createHash('sha256').update(weights).digest('hex')}`;
  const ollamaBlob = join(ollama, 'blobs', digest.replace(':', '-'));
  mkdirSync(dirname(ollamaBlob), { recursive: true });
  writeFileSync(ollamaBlob, weights);
  const manifest = join(ollama, 'manifests', 'registry.ollama.ai', 'library', 'tinychat', '1b');
  mkdirSync(dirname(manifest), { recursive: true });
  writeFileSync(
    manifest,
    JSON.stringify({
      schemaVersion: 2,
      layers: [
        { mediaType: 'application/vnd.ollama.image.model', digest, size: weights.length },
        { mediaType: 'application/vnd.ollama.image.template', digest: `sha256:${'0'.repeat(64)}`, size: 10 },
      ],
    }),
  );
  writeFileSync(join(ollama, 'manifests', 'registry.ollama.ai', 'library', 'tinychat', 'garbage'), '{not json');
  return { lmStudioChat, lmStudioBroken, janEmbedding, ollamaBlob };
}
