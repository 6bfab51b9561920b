import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../../../native-models/fixtures/generate';
import { eventually } from '../../helpers/eventually';
import { hearth, hearthBinary } from '../../helpers/hearth-cli';
import { itOnPosix } from '../../helpers/platform';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

describe('hearth CLI: models, chats, serve', () => {
  it('imports, lists, inspects, benchmarks and removes a model, with --json output', async () => {
    const dataDir = tempDir();
    const file = fixtureModel('tiny-chat');
    const imported = await hearth(['models', 'import', file, '--data-dir', dataDir, '--json']);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const model = JSON.parse(imported.stdout) as { id: string; path: string; metadata: { name: string } };
    expect(model.metadata.name).toBe('tiny-chat');
    expect(model.path).toBe(file);

    const list = JSON.parse((await hearth(['models', 'list', '--data-dir', dataDir, '--json'])).stdout) as Array<{
      id: string;
    }>;
    expect(list.map((entry) => entry.id)).toEqual([model.id]);
    // The binary itself, once for the group: the rest runs the same entry function in-process.
    const plainList = await hearthBinary(['models', 'list', '--data-dir', dataDir]);
    expect(plainList.code).toBe(0);
    expect(plainList.stdout).toMatch(new RegExp(`^${model.id} {2}tiny-chat {2}chat {2}Q8_0 `));

    const byFile = JSON.parse((await hearth(['models', 'inspect', file, '--data-dir', dataDir, '--json'])).stdout);
    const byId = JSON.parse((await hearth(['models', 'inspect', model.id, '--data-dir', dataDir, '--json'])).stdout);
    expect(byFile).toEqual(byId);
    expect(byId).toMatchObject({ architecture: 'llama', role: 'chat', layers: 2 });

    const bench = await hearth(['models', 'bench', model.id, '--threads', '1', '--data-dir', dataDir, '--json']);
    expect(bench.code).toBe(0);
    const result = JSON.parse(bench.stdout) as { runs: Array<{ threads: number; generationTokensPerSecond: number }> };
    expect(result.runs.map((run) => run.threads)).toEqual([1]);
    expect(result.runs[0]!.generationTokensPerSecond).toBeGreaterThan(0);

    const removed = await hearth(['models', 'rm', model.id, '--data-dir', dataDir]);
    expect(removed.stdout).toBe(`Removed tiny-chat (${model.id}).\n`);
    expect((await hearth(['models', 'list', '--data-dir', dataDir])).stdout).toBe('No models installed.\n');
    // A referenced file is the user's: never deleted.
    expect((await hearth(['models', 'inspect', file, '--data-dir', dataDir])).code).toBe(0);
    const gone = await hearth(['models', 'rm', model.id, '--data-dir', dataDir]);
    expect(gone.code).toBe(1);

    // `pull` goes through the download service's checks (no network is reached by either).
    const unknown = await hearth(['models', 'pull', 'no-such-model', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('hearth: No catalog model has the id "no-such-model".\n');
    const foreign = await hearth(['models', 'pull', 'http://127.0.0.1:9/model.gguf', '--data-dir', dataDir]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/^hearth: .*Hugging Face/);
  });

  it('lists and exports conversations as Markdown and JSON', async () => {
    const dataDir = tempDir();
    const folder = tempDir();
    writeFileSync(join(folder, 'fence.md'), '# Fence\n\nThe garden fence is painted blue every spring.\n');
    await hearth(['index', folder, '--collection', 'Garden', '--data-dir', dataDir]);
    await hearth(['models', 'import', fixtureModel('tiny-chat'), '--data-dir', dataDir]);
    expect((await hearth(['ask', 'What colour is the fence?', '--data-dir', dataDir])).code).toBe(0);

    const chats = JSON.parse((await hearthBinary(['chats', 'list', '--data-dir', dataDir, '--json'])).stdout) as Array<{
      id: number;
      title: string;
    }>;
    expect(chats.map((chat) => chat.title)).toEqual(['What colour is the fence']);
    const markdown = await hearth(['chats', 'export', String(chats[0]!.id), '--data-dir', dataDir]);
    expect(markdown.stdout).toMatch(/^# What colour is the fence\n/);
    const out = join(tempDir(), 'chat.json');
    await hearth([
      'chats',
      'export',
      String(chats[0]!.id),
      '--format',
      'json',
      '--tree',
      '--out',
      out,
      '--data-dir',
      dataDir,
    ]);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { messages: unknown[] };
    expect(exported.messages).toHaveLength(2);
    const missing = await hearth(['chats', 'export', '999', '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
  });

  it('serves the local API until interrupted, and says where and with which key', async () => {
    const dataDir = tempDir();
    await hearth(['models', 'import', fixtureModel('tiny-chat'), '--data-dir', dataDir]);
    const server = hearth(['serve', '--port', '0', '--json', '--data-dir', dataDir]);
    await eventually(() => server.output().stdout.includes('\n'), 120_000, 'the server did not start');
    const { url, key } = JSON.parse(server.output().stdout) as { url: string; key: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const models = await fetch(`${url}/models`, { headers: { Authorization: `Bearer ${key}` } });
    expect(models.status).toBe(200);
    expect((await fetch(`${url}/models`)).status).toBe(401);

    // The port is taken: refused clearly, with the busy exit code.
    const second = await hearth(['serve', '--port', new URL(url).port, '--data-dir', dataDir]);
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(/Port \d+ is in use/);

    server.interrupt();
    expect((await server).code).toBe(0);
    await expect(fetch(`${url}/models`)).rejects.toThrow();
  });

  itOnPosix('stops the real binary on Ctrl-C (SIGINT), exiting 0', async () => {
    const child = spawn(
      process.execPath,
      ['bin/hearth.mjs', 'serve', '--port', '0', '--json', '--data-dir', tempDir()],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    for await (const _line of createInterface({ input: child.stdout })) break;
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('gives each command its own help, a completion script, and usage errors with exit code 2', async () => {
    const help = await hearthBinary(['models', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: hearth models <command> \[options\]\n/);
    expect(help.stdout).toMatch(/\n {2}bench \[options\] <model> +Speed on this machine/);
    expect(help.stdout).not.toMatch(/Adds a folder/);
    const completion = await hearthBinary(['completion']);
    expect(completion.stdout).toContain('complete -F _hearth hearth');
    // Derived from the commands' definitions: each subcommand and option is there.
    expect(completion.stdout).toContain(
      '"models") words="list import inspect pull bench rm --data-dir --init --json --help"',
    );
    expect(completion.stdout).toContain('"models bench") words="--threads --data-dir --init --json --help"');
    const completionJson = await hearth(['completion', '--json']);
    expect(JSON.parse(completionJson.stdout)).toEqual({ shell: 'bash', script: completion.stdout });
    for (const args of [
      ['models'],
      ['models', 'bogus'],
      ['models', 'import'],
      ['models', 'bench', 'x', '--threads', '0'],
      ['chats', 'export', 'x'],
      ['chats', 'export', '1', '--format', 'pdf'],
      ['serve', '--port', '99999'],
      ['serve', 'extra'],
    ]) {
      const run = await hearth([...args, '--data-dir', tempDir()]);
      expect(run.code, args.join(' ')).toBe(2);
      // One line: what is wrong, and which help to read (not every command's usage).
      expect(run.stderr).toMatch(/^hearth: [^\n]+ See `hearth( \w+)? --help`\.\n$/);
    }
  });
});
