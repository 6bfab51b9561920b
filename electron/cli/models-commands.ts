import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatBytes } from '../ipc/format';
import type { ModelInfo } from '../ipc/schemas/models';
import type { Services } from '../services';
import { progressMode, statusPrinter } from './progress';
import { UsageError } from './usage';
import type { CliIo } from './cli-io';

export interface ModelsCommandOptions {
  json: boolean;
  /** `import`: copy the file into Hearth's models folder instead of using it where it is. */
  copy: boolean;
  /** `bench`: try 1..N threads. */
  threads?: number;
}

/**
 * `hearth models list|import|inspect|pull|bench|rm`: the Models screen in a terminal, on the same
 * data folder. Progress for `pull` and `bench` goes to stderr (one redrawn line on a terminal).
 */
export async function runModels(
  services: Services,
  sub: string | undefined,
  args: string[],
  options: ModelsCommandOptions,
  io: CliIo,
): Promise<number> {
  const out = (value: unknown, text: string) =>
    io.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${text}\n`);
  const find = (ref: string) => services.models.find(ref, { listedBy: '`hearth models list`' });
  const one = (what: string) => {
    if (args.length !== 1) throw new UsageError(`\`hearth models ${sub}\` takes one ${what}.`, 'models');
    return args[0]!;
  };
  switch (sub) {
    case 'list': {
      if (args.length) throw new UsageError('`hearth models list` takes no arguments.', 'models');
      const models = await services.models.list();
      out(models, models.length ? models.map(modelLine).join('\n') : 'No models installed.');
      return 0;
    }
    case 'import': {
      const path = resolve(one('GGUF file'));
      const model = await services.models.import(path, options.copy ? 'copy' : 'reference');
      out(model, `Imported ${modelLine(model)}`);
      return 0;
    }
    case 'inspect': {
      const target = one('GGUF file or model id');
      const metadata = existsSync(target) ? await services.models.inspect(resolve(target)) : find(target).metadata;
      out(
        metadata,
        Object.entries(metadata)
          .map(([key, value]) => `${key.padEnd(16)} ${Array.isArray(value) ? value.join(', ') : String(value)}`)
          .join('\n'),
      );
      return 0;
    }
    case 'pull': {
      const target = one('catalog id or Hugging Face URL');
      const request = /^https?:\/\//.test(target) ? { url: target } : { catalogId: target };
      const controller = new AbortController();
      const stopListening = io.onInterrupt(() => controller.abort());
      const printer = statusPrinter(io.stderr, progressMode(options.json, io.stderr));
      const model = await services.downloads
        .download(request, {
          signal: controller.signal,
          onProgress: ({ bytes, total }) =>
            printer.update(
              `${formatBytes(bytes)}${total ? ` of ${formatBytes(total)} (${Math.floor((bytes / total) * 100)}%)` : ''}`,
            ),
        })
        .finally(() => {
          printer.end();
          stopListening();
        });
      out(model, `Downloaded and verified ${modelLine(model)}`);
      return 0;
    }
    case 'bench': {
      const id = find(one('model (id, name or file name)')).id;
      const printer = statusPrinter(io.stderr, progressMode(options.json, io.stderr));
      const result = await services.models
        .benchmark(
          { id, maxThreads: options.threads, promptTokens: 128, generateTokens: 32 },
          {
            onProgress: ({ threads, step, done }) =>
              printer.update(`${threads} threads · ${step} ${Math.round(done * 100)}%`),
          },
        )
        .finally(() => printer.end());
      out(
        result,
        [
          'threads  prompt tok/s  generate tok/s  first token ms',
          ...result.runs.map(
            (run) =>
              `${String(run.threads).padStart(7)}  ${run.promptTokensPerSecond.toFixed(1).padStart(12)}  ${run.generationTokensPerSecond.toFixed(1).padStart(14)}  ${run.timeToFirstTokenMs.toFixed(0).padStart(14)}`,
          ),
          `Recommended: ${result.recommendedThreads} threads.`,
        ].join('\n'),
      );
      return 0;
    }
    case 'rm': {
      const model = find(one('model (id, name or file name)'));
      const id = model.id;
      await services.models.remove(id);
      out({ removed: id }, `Removed ${model.metadata.name} (${id}).`);
      return 0;
    }
    default:
      throw new UsageError(
        sub
          ? `Unknown command "models ${sub}".`
          : '`hearth models` needs a command: list, import, inspect, pull, bench or rm.',
        'models',
      );
  }
}

function modelLine(model: ModelInfo): string {
  const fit = model.fit ? model.fit.level : (model.fitError ?? 'unknown');
  return `${model.id}  ${model.metadata.name}  ${model.metadata.role}  ${model.metadata.quantization}  ${formatBytes(model.metadata.fileSize)}  ${model.loaded ? 'loaded' : fit}`;
}
