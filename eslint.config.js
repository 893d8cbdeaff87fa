import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Module walls: a server module is used by others only through its public surface, `index.ts` (use-cases,
// services, types and wire schemas); every other file of it, `schemas.ts` included, is internal. Wire schemas
// that belong to no module live beside `channelKinds.ts`. `events/`, `realtime/` and `http/` obey the same
// wall; `app.ts`, `services.ts` and `composition/` are the composition root and may wire any part.
const serverModules = readdirSync(new URL('./packages/server/src/modules', import.meta.url), {
  withFileTypes: true,
})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

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
              regex: `^(?:\\.{1,2}/)+(?:modules/)?${allowedPattern}(?:${walledModules.join('|')})/(?!index$)`,
              message:
                "Another module's internals: import its index.ts, or export what you need (a use-case, a type, a wire schema) there.",
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
      [],
    ),
  ),
  moduleWall(
    [
      'packages/server/src/{events,realtime,http,jobs,db}/**/*.ts',
      'packages/server/src/{config,channelKinds,conversationWireSchemas,replyLocale,ids,clock,errors}.ts',
    ],
    serverModules,
    ['channels/channelConfig', 'commerce/commerceConfig', 'privacy/privacyConfig', 'calls/callsConfig'],
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
