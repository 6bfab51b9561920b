/**
 * `npm run bench [-- library | formats | ocr | search | chat | shape ...]`: `library` runs the library
 * benchmark (library.ts), `formats` the multi-format run and its text judge (formats.ts), `ocr` what OCR confidences look like with and without text (ocr.ts), `search` the vector search benchmark (search.ts), `cli` how fast the `hearth` command starts (cli.ts), `embedding` the embedding path against the engine (embedding.ts), `all` every one of them (all.ts, `--quick` on tiny inputs), `gguf-fuzz` the mutation fuzz of model files (gguf-fuzz.ts), `chat` the chat path's cost
 * (chat.ts), `chat-render` what the chat screen renders per streamed token (chat-render.ts); anything else is the models benchmark (run.ts).
 */
if (process.argv[2] === 'library') {
  process.argv.splice(2, 1);
  await import('./library');
} else if (process.argv[2] === 'chat') {
  process.argv.splice(2, 1);
  await import('./chat');
} else if (process.argv[2] === 'formats') {
  process.argv.splice(2, 1);
  await import('./formats');
} else if (process.argv[2] === 'ocr') {
  process.argv.splice(2, 1);
  await import('./ocr');
} else if (process.argv[2] === 'gguf-fuzz') {
  process.argv.splice(2, 1);
  await import('./gguf-fuzz');
} else if (process.argv[2] === 'chat-render') {
  process.argv.splice(2, 1);
  // Typechecked with the browser tests (it drives a page); a literal path would pull it in here.
  const browserBench = './chat-render';
  await import(browserBench);
} else if (process.argv[2] === 'all') {
  process.argv.splice(2, 1);
  await import('./all');
} else if (process.argv[2] === 'embedding') {
  process.argv.splice(2, 1);
  await import('./embedding');
} else if (process.argv[2] === 'cli') {
  process.argv.splice(2, 1);
  await import('./cli');
} else if (process.argv[2] === 'search') {
  process.argv.splice(2, 1);
  await import('./search');
} else {
  await import('./run');
}

export {};
