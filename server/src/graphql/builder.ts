import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { Prisma } from '@mutualis/db/client';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { Context } from './context.ts';
import { fieldComplexity } from './limits.ts';
import { mutationErrorTypes } from './errors.ts';
import { authScopes, unauthorizedError, type AuthContexts, type AuthScopes } from './scopes.ts';
import { decodeGlobalID, inputGuardPlugin } from './input.ts';
import { visibleNode } from './node-visibility.ts';

export interface PothosTypes {
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  AuthContexts: AuthContexts;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    Decimal: { Input: string; Output: Prisma.Decimal | string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}

/** Plugins and configuration only: every type and root field lives in a domain module. */
export const builder = new SchemaBuilder<PothosTypes>({
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  // inputGuard before relay: field configs pass through plugins last to first, so it sees (and wraps) relay's ID decoder
  plugins: [ScopeAuthPlugin, ErrorsPlugin, inputGuardPlugin, PrismaPlugin, RelayPlugin, DataloaderPlugin, ComplexityPlugin],
  scopeAuth: {
    authScopes,
    unauthorizedError: (_parent, ctx, _info, result) => unauthorizedError(ctx, result.failure),
  },
  // input errors (bad global IDs, the input guard's checks) become mutation results too, not top-level errors
  errors: { defaultTypes: mutationErrorTypes, unsafelyHandleInputErrors: true },
  // Field costs only: the limits are checked per request, with its variables, in limits.ts.
  complexity: { fieldComplexity },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    decodeGlobalID,
    cursorType: 'String',
    nodesOnConnection: false,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: {
      resolve: async (_root, { id }, ctx, _info, resolveNode) => visibleNode(id.typename, await resolveNode(id), ctx),
    },
    nodesQueryOptions: {
      resolve: async (_root, { ids }, ctx, _info, resolveNodes) =>
        (await resolveNodes(ids)).map((row, index) => visibleNode(ids[index]!.typename, row, ctx)),
    },
  },
});
