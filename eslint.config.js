import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Module walls: a server module is used by others only through its public surface, `index.ts` (use-cases,
// services, types) and `schemas.ts` (wire schemas). `events/`, `realtime/` and `http/` obey the same wall;
// `app.ts` and `services.ts` are the composition root and may wire any part.
const serverModules = readdirSync(new URL('./packages/server/src/modules', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Reaches into another module's internals that are still to be replaced by a use-case of the owning module.
// This list only shrinks.
const remainingInternalImports = {
  auth: ['agents/repo'],
  conversations: ['routing/repo'],
  csat: ['conversations/conversationWrites', 'conversations/repo'],
  handoff: ['conversations/conversationWrites', 'conversations/repo', 'customers/repo', 'routing/repo'],
  routing: [
    'agents/repo',
    'agents/routingRepo',
    'conversations/conversationWrites',
    'conversations/repo',
    'handoff/repo',
  ],
  tickets: ['conversations/conversationWrites', 'conversations/repo'],
};

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function moduleWall(files, walledModules, allowed) {
  const allowedPattern = allowed.length > 0 ? `(?!(?:${allowed.map(escapeRegex).join('|')})$)` : '';
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?:\\.{1,2}/)+(?:modules/)?${allowedPattern}(?:${walledModules.join('|')})/(?!(?:index|schemas)$)`,
              message:
                "Another module's internals: import its index.ts (or schemas.ts), or add a use-case to it there.",
            },
          ],
        },
      ],
    },
  };
}

const moduleWalls = [
  ...serverModules.map((name) =>
    moduleWall(
      [`packages/server/src/modules/${name}/**/*.ts`],
      serverModules.filter((other) => other !== name),
      remainingInternalImports[name] ?? [],
    ),
  ),
  moduleWall(
    ['packages/server/src/{events,realtime,http,jobs,db}/**/*.ts', 'packages/server/src/config.ts'],
    serverModules,
    ['channels/channelConfig', 'commerce/commerceConfig'],
  ),
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...moduleWalls,
);
