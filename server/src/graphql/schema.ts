import { builder } from './builder.ts';
import './modules/scalars.ts';
import './modules/organizations.ts';
import './modules/catalog.ts';
import './modules/catalogue-search.ts';
import './modules/compare.ts';
import './modules/adoption.ts';
import './modules/catalog-admin.ts';
import './modules/purchasing/types.ts';
import './modules/purchasing/mutations.ts';
import './modules/errors.ts';
import './modules/auth.ts';
import './modules/deployments.ts';
import './modules/reviews.ts';
import './modules/audit.ts';
import './modules/erasure.ts';

export const schema = builder.toSchema({ sortSchema: false });
