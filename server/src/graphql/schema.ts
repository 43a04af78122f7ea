import { builder } from './builder.ts';
import './scalars.ts';
import '../modules/organizations/schema.ts';
import '../modules/catalogue/schema.ts';
import '../modules/catalogue/search-schema.ts';
import '../modules/comparison/schema.ts';
import '../modules/deployments/adoption-schema.ts';
import '../modules/catalogue/admin-schema.ts';
import '../modules/purchasing/schema.ts';
import '../modules/purchasing/mutations-schema.ts';
import './error-types.ts';
import '../modules/auth/schema.ts';
import '../modules/auth/permissions-schema.ts';
import '../modules/deployments/schema.ts';
import '../modules/reviews/schema.ts';
import '../modules/audit/schema.ts';
import '../modules/auth/erasure-schema.ts';

export const schema = builder.toSchema({ sortSchema: false });
