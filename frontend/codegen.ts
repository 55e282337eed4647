import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed GraphQL operations: the schema is `../schema/*.graphqls` (the single contract), the operations are the
 * `.graphql` documents under `graphql/`. Documents are plain strings carrying their result and variable types.
 */
const config: CodegenConfig = {
  schema: '../schema/*.graphqls',
  documents: 'graphql/**/*.graphql',
  ignoreNoDocuments: false,
  generates: {
    'gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
};
export default config;
