import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

export type IdPrefix =
  | 'cus'
  | 'cid'
  | 'cmg'
  | 'conv'
  | 'msg'
  | 'agt'
  | 'ses'
  | 'evt'
  | 'rule'
  | 'iex'
  | 'imd'
  | 'aud'
  | 'ord'
  | 'shp'
  | 'kb'
  | 'kbv'
  | 'kbi'
  | 'kbq'
  | 'team'
  | 'hof'
  | 'tkt'
  | 'tkc'
  | 'tkh'
  | 'sla'
  | 'slt'
  | 'csat'
  | 'ret'
  | 'rfd'
  | 'upl'
  | 'ntf'
  | 'job'
  | 'alr'
  | 'qars'
  | 'qaf'
  | 'qan'
  | 'inb'
  | 'dlv'
  | 'rol'
  | 'con'
  | 'apc'
  | 'cnr'
  | 'chn'
  | 'psr'
  | 'psn'
  | 'call'
  | 'whs'
  | 'whd'
  | 'tok'
  | 'rcv';

/** Prefixed, lexicographically sortable ids: `conv_01JD…`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${nextUlid().toLowerCase()}`;
}
