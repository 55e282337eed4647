import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfigFn } from 'vite';
import { overrideVaadinConfig } from './vite.generated';

// Vaadin starts Vite from the backend module's folder; the packages (tsc for the type check, GraphQL codegen) and
// their configuration live here, so the build works from this folder.
process.chdir(fileURLToPath(new URL('.', import.meta.url)));

/**
 * Generates the typed GraphQL operations (src/gql/) from the schema before every build and dev-server start, in the
 * `config` hook so that they exist before the type checker runs.
 */
function graphqlCodegen(): Plugin {
  return {
    name: 'klaspoort-graphql-codegen',
    async config() {
      const { generate } = await import('@graphql-codegen/cli');
      const { default: codegen } = await import('./codegen');
      await generate({ ...codegen, silent: true }, true);
    },
  };
}

/**
 * Checks the translation bundles shared with the server and generates the typed key list (`i18n/messages.generated.ts`)
 * before the type check; fails the build on a missing key or a malformed ICU message.
 */
function translationKeys(): Plugin {
  return {
    name: 'klaspoort-translation-keys',
    async config() {
      const { generateMessages } = await import('./i18n/bundles');
      generateMessages();
    },
  };
}

const customConfig: UserConfigFn = () => ({
  plugins: [graphqlCodegen(), translationKeys()],
});

export default overrideVaadinConfig(customConfig);
