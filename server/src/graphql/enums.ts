import { builder } from './builder.ts';

/** A GraphQL enum with the values of a Prisma enum (from @mutualis/db/enums), so the two never drift apart. */
export function prismaEnum<const Values extends Record<string, string>>(name: string, values: Values, description?: string) {
  return builder.enumType(name, { ...(description ? { description } : {}), values: Object.values(values) as Values[keyof Values][] });
}
