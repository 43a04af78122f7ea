import type { Actor, Visibility } from '../../shared/permissions.ts';

/** A notification is its owner's alone: on every path (lists, node(id:)), nobody else sees it, ADMIN included. */
export const notificationVisibility = (actor: Actor | null): Visibility<{ userId: number }> => (actor ? [{ userId: actor.id }] : []);

/** Most notifications marked read by ids in one call (the input guard also caps lists at 100). */
export const MARK_READ_MAX = 100;
