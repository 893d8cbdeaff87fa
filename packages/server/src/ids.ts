import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

export type IdPrefix =
  'cus' | 'cid' | 'conv' | 'msg' | 'agt' | 'ses' | 'evt' | 'rule' | 'aud' | 'ord' | 'shp';

/** Prefixed, lexicographically sortable ids: `conv_01JD…`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${nextUlid().toLowerCase()}`;
}
