/**
 * `npm run bench [-- library | shape ...]`: `library` runs the library benchmark (library.ts);
 * anything else is the models benchmark (run.ts).
 */
if (process.argv[2] === 'library') {
  process.argv.splice(2, 1);
  await import('./library');
} else {
  await import('./run');
}

export {};
