import { builder } from './builder.ts';
import './modules/scalars.ts';
import './modules/organizations.ts';
import './modules/catalog.ts';

export const schema = builder.toSchema({ sortSchema: false });
