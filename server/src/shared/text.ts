/** Lower-case, accent-free form used for search: one function, owned by the data package (its searchName columns). */
export { normalizeSearch } from '@mutualis/db/text';
