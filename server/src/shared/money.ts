// The decimal toolkit is @mutualis/db's, shared with the seed data.
export { cents, D, dec, type Dec, type DecimalLike } from '@mutualis/db/decimal';
