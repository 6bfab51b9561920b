// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages that load native code or Node built-ins: main-process only. */
const NATIVE_PACKAGES = ['better-sqlite3', 'node-llama-cpp', 'sqlite-vec', 'ws'];

/** Services run in plain Node (tests, the CLI). */
const NO_ELECTRON = {
  name: 'electron',
  message: 'Services and the CLI run in plain Node (tests, CLI): take paths and event sinks instead.',
};
/** Relative (`../../main/…`) as well as rooted (`…/electron/main/…`) paths. */
const NO_MAIN = {
  regex: '^(\\.\\./)+(electron/)?main(/|$)|/electron/main(/|$)',
  message: 'Services never import main.',
};
/**
 * A statement on a table of `library.db` (store/migrations/library/), or any mention of its
 * full-text table: what only the library domain may write.
 */
const LIBRARY_SQL =
  '/\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+(collections|sources|documents|chunks|chunks_fts|embedders|embeddings|vectors_moving|vec_chunks_\\w*|vec_bits_\\w*)\\b|\\bchunks_fts\\b/i';

/** Attributes whose value people read or hear. */
const TEXT_ATTRIBUTES =
  '/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label|hint|heading|description)$/';
/** Two letters in a row: a word, as opposed to a symbol, a number or a unit-less separator. */
const WORDS = '/\\p{L}{2}/u';

/**
 * Import boundaries (see ../shared/ARCHITECTURE.md). Each is a rule, not a convention: the tests in
 * test/unit/lint/ feed violating snippets through this config and expect these exact messages.
 */
export const BOUNDARIES = {
  renderer: {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'app/ runs in the sandboxed renderer: talk to main through app/api.ts.' },
            ...NATIVE_PACKAGES.map((name) => ({
              name,
              message: 'app/ cannot load native packages: ask main through a contract channel.',
            })),
          ],
          patterns: [
            {
              group: ['node:*'],
              message: 'app/ runs in the sandboxed renderer: Node built-ins are not available.',
            },
            {
              group: ['main', 'services', 'preload', 'cli'].flatMap((dir) => [
                `**/electron/${dir}`,
                `**/electron/${dir}/**`,
              ]),
              message: 'app/ may only import types from electron/ipc.',
            },
            {
              // The runtime exceptions, pure and shared with main: format.ts (contract values shown
              // the same way everywhere), main-text.ts (the English of main's sentences, which the
              // window's translations are keyed by) and languages.ts (which language a setting picks).
              group: [
                '**/electron/ipc/**',
                '!**/electron/ipc/format',
                '!**/electron/ipc/main-text',
                '!**/electron/ipc/languages',
              ],
              allowTypeImports: true,
              message: 'app/ may only import types from electron/ipc (use `import type`).',
            },
          ],
        },
      ],
    },
  },
  services: {
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [NO_ELECTRON], patterns: [NO_MAIN] }] },
  },
  libraryReaders: {
    files: ['electron/services/search/**/*.ts', 'electron/services/chat/**/*.ts'],
    rules: {
      // Replaces the services rule for these files (flat config does not merge a rule's options).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [NO_ELECTRON],
          patterns: [
            NO_MAIN,
            {
              regex: '(^|/)library/(?!reads$)',
              message:
                'Search and chat read the library through its read API (library/reads: LibraryIndex), never its internals.',
            },
          ],
        },
      ],
    },
  },
  libraryTables: {
    files: ['electron/**/*.ts'],
    ignores: ['electron/services/library/**', 'electron/services/store/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Literal', 'TemplateElement'].map((node) => ({
          selector: `${node}[${node === 'Literal' ? 'value' : 'value.raw'}=${LIBRARY_SQL}]`,
          message: 'SQL on library.db tables belongs to the library domain: read through LibraryIndex (library/reads).',
        })),
      ],
    },
  },
  migrations: {
    files: ['electron/services/store/migrations/**/*.ts'],
    rules: {
      // Replaces the services rule for these files (flat config does not merge a rule's options).
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Services and the CLI run in plain Node.' }],
          patterns: [
            {
              regex: '^(?!\\./|\\.\\./\\.\\./migration$|\\.\\./migration$|better-sqlite3$)',
              message:
                'A shipped migration carries its own definitions: it imports only the Migration type and its own folder, never live code that may change history.',
            },
          ],
        },
      ],
    },
  },
  /**
   * Words the window shows come from the translations (app/i18n/locales/), never from the markup:
   * text between tags, a text attribute (`aria-label="Close"`) or a string shown as a child
   * (`{busy ? 'Stop' : 'Send'}`) is refused. Symbols and numbers (`·`, `—`, `1/2`) may stay.
   */
  uiText: {
    files: ['app/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'JSXText',
          `JSXAttribute[name.name=${TEXT_ATTRIBUTES}] > Literal`,
          `JSXAttribute[name.name=${TEXT_ATTRIBUTES}] > JSXExpressionContainer > Literal`,
          `JSXAttribute[name.name=${TEXT_ATTRIBUTES}] > JSXExpressionContainer > TemplateLiteral > TemplateElement`,
          `JSXAttribute[name.name=${TEXT_ATTRIBUTES}] > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal`,
          'JSXElement > JSXExpressionContainer > Literal',
          'JSXElement > JSXExpressionContainer > TemplateLiteral > TemplateElement',
          'JSXElement > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal',
          'JSXElement > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > TemplateLiteral > TemplateElement',
        ].map((node) => ({
          selector: `${node}[${node.endsWith('TemplateElement') ? 'value.raw' : 'value'}=${WORDS}]`,
          message: 'Text the window shows comes from the translations: use t() (app/i18n/).',
        })),
      ],
    },
  },
  ipc: {
    files: ['electron/ipc/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // `../errors`, `../main-text`: a schema naming the error codes or a sentence from main (schemas/ is one down).
              regex: '^(?!zod$|\\./|\\.\\./(errors|main-text)$)',
              message: 'electron/ipc is shared by main, preload and renderer: it may import only zod and itself.',
            },
          ],
        },
      ],
    },
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'coverage/',
      'test-results/',
      'native-models/fixtures/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'test/bridge/shim.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  BOUNDARIES.renderer,
  BOUNDARIES.services,
  BOUNDARIES.libraryReaders,
  BOUNDARIES.libraryTables,
  BOUNDARIES.migrations,
  BOUNDARIES.ipc,
  BOUNDARIES.uiText,
  {
    files: ['test/**/*.ts', '*.config.ts', 'native-models/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
